"""Quizzes on paper: a drawn quiz (``core.paper.PaperQuiz``) turned into a PDF.

Qt's text layout and PDF engine (QtGui and QtSvg, no widgets) on plain core values: no
bank, no services. The command line and the GUI both print through here, so it sits
beside them above the services (see pyproject's import-linter contracts).
"""
