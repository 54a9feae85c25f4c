"""The only place PySide6 appears."""
