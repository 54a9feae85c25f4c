"""Planning an import at its edges (issue 19): what the import preview tells a teacher."""

from __future__ import annotations

import threading

import pytest

from quiz_app.core.changes import Changes
from quiz_app.core.errors import ImportCancelledError, ImportRefusedError
from quiz_app.core.ids import PackId, QuestionKey
from quiz_app.core.importing import (
    ExistingPack,
    ExistingQuestion,
    ImportControl,
    ImportKind,
    ImportPlan,
    plan_import,
)

P = PackId("change-missions")
K = QuestionKey


def _bank(version: str = "1.0.0", **questions: tuple[str, bool]) -> ExistingPack:
    return ExistingPack(
        version, "pack-hash", {K(k): ExistingQuestion(h, r) for k, (h, r) in questions.items()}
    )


def test_a_new_pack_reports_nothing_unchanged_changed_retired_or_restored() -> None:
    plan = plan_import(P, "1.0.0", "h", {K("ce1-launch"): "1"}, None)
    assert plan.kind is ImportKind.NEW
    assert (plan.old_version, plan.new_version) == (None, "1.0.0")
    assert plan.added == ("ce1-launch",)
    assert plan.unchanged == 0
    assert plan.changed == plan.retired == plan.restored == ()
    assert plan.changes_anything


def test_a_new_pack_of_no_questions_is_still_new() -> None:
    plan = plan_import(P, "1.0.0", "h", {}, None)
    assert plan.kind is ImportKind.NEW
    assert plan.added == ()
    assert plan.unchanged == 0


def test_an_unchanged_pack_counts_every_question_unchanged() -> None:
    questions = {K("a"): "1", K("b"): "2", K("c"): "3"}
    plan = plan_import(P, "1.2.0", "pack-hash", questions, _bank("1.2.0", a=("1", False)))
    assert plan.kind is ImportKind.UNCHANGED
    assert (plan.old_version, plan.new_version) == ("1.2.0", "1.2.0")
    assert plan.unchanged == 3
    assert plan.added == plan.changed == plan.retired == ()


def test_same_content_under_a_new_version_is_an_upgrade_of_nothing_changed() -> None:
    plan = plan_import(P, "1.0.1", "pack-hash", {K("a"): "1"}, _bank(a=("1", False)))
    assert plan.kind is ImportKind.UPGRADE
    assert plan.old_version == "1.0.0"
    assert plan.unchanged == 1
    assert plan.changes_anything


def test_a_retired_question_that_comes_back_changed_is_restored_and_changed() -> None:
    plan = plan_import(P, "2.0.0", "h", {K("a"): "new"}, _bank(a=("old", True)))
    assert plan.restored == ("a",)
    assert plan.changed == ("a",)
    assert plan.unchanged == 0


def test_a_retired_question_that_comes_back_as_it_was_is_restored_not_unchanged() -> None:
    plan = plan_import(P, "2.0.0", "h", {K("a"): "same"}, _bank(a=("same", True)))
    assert plan.restored == ("a",)
    assert plan.changed == ()
    assert plan.unchanged == 0


def test_a_question_already_retired_is_not_retired_again() -> None:
    plan = plan_import(P, "1.1.0", "h", {K("a"): "1"}, _bank(a=("1", False), gone=("9", True)))
    assert plan.retired == ()
    assert plan.unchanged == 1


def test_the_plan_lists_keys_in_the_packs_order() -> None:
    bank = _bank(a=("1", False), b=("2", False), c=("3", False), d=("4", False))
    plan = plan_import(P, "1.1.0", "h", {K("z"): "0", K("y"): "0", K("c"): "x", K("a"): "x"}, bank)
    assert plan.added == ("z", "y")
    assert plan.changed == ("c", "a")
    assert plan.retired == ("b", "d")


def test_force_with_a_newer_version_is_a_plain_upgrade() -> None:
    plan = plan_import(P, "1.1.0", "h", {K("a"): "x"}, _bank(a=("1", False)), force=True)
    assert plan.kind is ImportKind.UPGRADE


def test_force_replaces_the_same_version_with_other_content() -> None:
    plan = plan_import(P, "1.0.0", "other", {K("a"): "x"}, _bank(a=("1", False)), force=True)
    assert plan.kind is ImportKind.FORCED
    assert plan.changed == ("a",)


def test_the_refusals_name_the_pack_the_versions_and_the_way_out() -> None:
    with pytest.raises(ImportRefusedError) as same:
        plan_import(P, "1.0.0", "other", {K("a"): "1"}, _bank(a=("1", False)))
    assert same.value.message("en") == (
        "pack 'change-missions' version 1.0.0 is already in the bank with different "
        "content: raise 'version' in pack.toml (or use --force to replace it)"
    )
    assert same.value.message("zh") == (
        "题库中已有题包“change-missions”的 1.0.0 版，内容不同："
        "请提高 pack.toml 中的 version（或用 --force 替换）"
    )
    with pytest.raises(ImportRefusedError) as older:
        plan_import(P, "0.9.0", "other", {K("a"): "1"}, _bank("1.0.0", a=("1", False)))
    assert older.value.message("en") == (
        "pack 'change-missions' version 0.9.0 is older than version 1.0.0 "
        "in the bank; use --force to go back to it"
    )
    assert older.value.message("zh") == (
        "题包“change-missions”的 0.9.0 版比题库中的 1.0.0 版旧；要退回旧版请用 --force"
    )


def test_what_a_plan_changed_follows_whether_it_was_carried_out() -> None:
    plan = plan_import(P, "1.0.0", "h", {K("a"): "1"}, None)
    assert plan.changes is Changes.NONE  # a dry run
    carried_out = ImportPlan(P, ImportKind.NEW, None, "1.0.0", added=(K("a"),), applied=True)
    assert carried_out.changes is Changes.PACKS


def test_an_import_reports_its_progress_until_cancelled() -> None:
    seen: list[tuple[int, int]] = []
    control = ImportControl(lambda done, total: seen.append((done, total)))
    control.step(0, 3)
    control.step(2, 3)
    assert seen == [(0, 3), (2, 3)]
    assert not control.cancelled
    cancelling = threading.Thread(target=control.cancel)
    cancelling.start()
    cancelling.join()
    assert control.cancelled
    with pytest.raises(ImportCancelledError) as cancelled:
        control.step(3, 3)
    assert str(cancelled.value) == "the import was cancelled: the bank is as it was"
    assert cancelled.value.message("zh") == "导入已取消：题库保持原样"
    assert seen == [(0, 3), (2, 3)]


def test_an_import_without_a_progress_callback_still_steps() -> None:
    control = ImportControl()
    control.step(1, 1)
    control.cancel()
    with pytest.raises(ImportCancelledError):
        control.step(1, 1)


def test_every_plan_names_its_pack_and_versions() -> None:
    bank = _bank("1.0.0", a=("1", False), b=("2", False), c=("3", False))
    same = {K("a"): "1", K("b"): "2", K("c"): "3"}
    plans = [
        plan_import(P, "1.0.0", "h", same, None),
        plan_import(P, "1.0.0", "pack-hash", same, bank),
        plan_import(P, "1.1.0", "h", same, bank),
    ]
    assert [(p.pack_id, p.old_version, p.new_version) for p in plans] == [
        ("change-missions", None, "1.0.0"),
        ("change-missions", "1.0.0", "1.0.0"),
        ("change-missions", "1.0.0", "1.1.0"),
    ]
    assert plans[2].unchanged == 3  # an upgrade that changes no question counts them all
