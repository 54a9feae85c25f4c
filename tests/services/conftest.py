"""Every problem a service test makes (a results file, an edited pack) must be said in
Chinese as well (tests/packs/bilingual.py)."""

from tests.packs.bilingual import problems_in_chinese

__all__ = ["problems_in_chinese"]
