"""Every problem a pack test makes a reader find must be said in Chinese as well: each
broken input of these tests is also a check of the Chinese (tests/packs/bilingual.py)."""

from tests.packs.bilingual import problems_in_chinese

__all__ = ["problems_in_chinese"]
