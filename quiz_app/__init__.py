"""Chang'e Quiz: an offline quiz and review program for lunar science."""

__version__ = "0.1.0"
