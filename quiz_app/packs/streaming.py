"""Readers that take a file straight to the stored form the bank imports (native packs
and CSV), a chunk of questions at a time; see ``services.packs.import_pack``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quiz_app.core.importing import EncodedPack
from quiz_app.packs.native import load_pack_encoded
from quiz_app.packs.spreadsheet import load_csv_encoded

STREAMED: dict[str, Callable[[Path], EncodedPack]] = {
    "native": load_pack_encoded,
    "csv": load_csv_encoded,
}
"""Format -> reader into stored form; the other formats are read whole, then encoded."""
