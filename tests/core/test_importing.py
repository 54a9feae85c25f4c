from __future__ import annotations

import pytest

from quiz_app.core.errors import ImportRefusedError
from quiz_app.core.ids import PackId, QuestionKey
from quiz_app.core.importing import ExistingPack, ExistingQuestion, ImportKind, plan_import

P = PackId("p")
K = QuestionKey


def _existing(version: str = "1.0.0", **questions: tuple[str, bool]) -> ExistingPack:
    return ExistingPack(
        version, "hash-1", {K(k): ExistingQuestion(h, r) for k, (h, r) in questions.items()}
    )


def test_a_new_pack_adds_everything() -> None:
    plan = plan_import(P, "1.0.0", "h", {K("a"): "1", K("b"): "2"}, None)
    assert plan.kind is ImportKind.NEW
    assert plan.added == ("a", "b")


def test_same_version_same_content_changes_nothing() -> None:
    plan = plan_import(P, "1.0.0", "hash-1", {K("a"): "1"}, _existing(a=("1", False)))
    assert plan.kind is ImportKind.UNCHANGED
    assert not plan.changes_anything


def test_newer_version_adds_changes_retires_and_restores() -> None:
    existing = _existing(a=("1", False), b=("2", False), c=("3", False), d=("4", True))
    plan = plan_import(
        P, "1.1.0", "h2", {K("a"): "1", K("b"): "2-new", K("d"): "4", K("e"): "5"}, existing
    )
    assert plan.kind is ImportKind.UPGRADE
    assert plan.added == ("e",)
    assert plan.changed == ("b",)
    assert plan.retired == ("c",)
    assert plan.restored == ("d",)
    assert plan.unchanged == 1


@pytest.mark.parametrize(("version", "words"), [("0.9.0", "older"), ("1.0.0", "raise")])
def test_older_or_same_version_with_new_content_is_refused(version: str, words: str) -> None:
    with pytest.raises(ImportRefusedError, match=words):
        plan_import(P, version, "other", {K("a"): "1"}, _existing(a=("1", False)))


def test_force_allows_going_back() -> None:
    plan = plan_import(P, "0.9.0", "h", {K("a"): "x"}, _existing(a=("1", False)), force=True)
    assert plan.kind is ImportKind.FORCED
    assert plan.changed == ("a",)


def test_versions_compare_as_numbers_not_text() -> None:
    plan = plan_import(P, "1.10.0", "h", {K("a"): "1"}, _existing("1.9.0", a=("1", False)))
    assert plan.kind is ImportKind.UPGRADE
