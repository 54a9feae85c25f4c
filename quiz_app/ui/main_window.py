"""The main window. The learner's screens (issue: the learner's desktop app) grow here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quiz_app import __version__
from quiz_app.core.bank import PackSummary

if TYPE_CHECKING:  # the database stack is imported off the GUI thread (bank_loader)
    from quiz_app.services.bank import Database


class PackListWidget(QTreeWidget):
    """The packs in the bank, each with its topics and question counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Pack / topic"), self.tr("Questions")])
        self.setAccessibleName(self.tr("Question packs"))
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def show_packs(self, packs: list[PackSummary], language: str = "en") -> None:
        self.clear()
        for pack in packs:
            item = QTreeWidgetItem(
                [f"{pack.title.get(language)}  ({pack.version})", str(pack.question_count)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, pack.id)
            for topic in pack.topics:
                item.addChild(
                    QTreeWidgetItem([topic.title.get(language), str(topic.question_count)])
                )
            self.addTopLevelItem(item)
            item.setExpanded(True)


def _row(title: str, count: int) -> QTreeWidgetItem:
    item = QTreeWidgetItem([title, str(count)])
    item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class MainWindow(QMainWindow):
    bank_opened = Signal()

    def __init__(self, database: Database | None, language: str = "en") -> None:
        super().__init__()
        self._database = database
        self._language = language
        self.setWindowTitle(self.tr("Chang'e Quiz"))
        self.resize(900, 640)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        heading = QLabel(self.tr("Question bank"), central)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        heading.setFont(font)
        self.packs = PackListWidget(central)
        layout.addWidget(heading)
        layout.addWidget(self.packs)
        self.setCentralWidget(central)
        self._build_menus()
        self.refresh()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Chang'e Quiz"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def set_database(self, database: Database) -> None:
        self._database = database
        self.refresh()
        self.bank_opened.emit()

    def refresh(self) -> None:
        if self._database is None:
            self.statusBar().showMessage(self.tr("Opening the question bank…"))
            return
        from quiz_app.services.packs import list_packs

        packs = list_packs(self._database)
        self.packs.show_packs(packs, self._language)
        total = sum(p.question_count for p in packs)
        self.statusBar().showMessage(self.tr("Questions in the bank: %1").replace("%1", str(total)))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Chang'e Quiz"),
            self.tr(
                "Chang'e Quiz %1\nAn offline quiz about China's lunar missions and lunar science."
            ).replace("%1", __version__),
        )
