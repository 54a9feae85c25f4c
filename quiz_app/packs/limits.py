"""Size limits on what a pack may contain (documented in docs/pack-format.md)."""

KIB = 1024
MIB = 1024 * KIB

MANIFEST_MAX = 64 * KIB
QUESTION_FILE_MAX = 16 * MIB
MEDIA_FILE_MAX = 5 * MIB
PACK_MAX = 256 * MIB
ZIP_ENTRIES_MAX = 10_000
ZIP_RATIO_MAX = 100
"""An entry that expands to more than this many times its compressed size is refused."""
ZIP_RATIO_MIN_SIZE = 1 * MIB
"""Tiny files compress oddly; the ratio is only judged on entries at least this big."""

MANIFEST = "pack.toml"
QUESTION_SUFFIXES = (".toml", ".json")
MEDIA_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".webp")
