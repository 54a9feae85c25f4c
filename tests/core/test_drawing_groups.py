"""KeptApart and pick_apart: at most one question of each group in a quiz."""

from __future__ import annotations

from quiz_app.core.drawing import KeptApart, pick_apart


def test_nothing_to_pick_or_no_room() -> None:
    assert pick_apart([], 5) == []
    assert pick_apart([("a", None)], 0) == []


def test_free_questions_are_taken_in_order_up_to_the_count() -> None:
    assert pick_apart([("a", None), ("b", None), ("c", None)], 2) == ["a", "b"]


def test_a_second_question_of_a_group_is_passed_over_for_a_later_one() -> None:
    candidates = [("a", "g"), ("b", "g"), ("c", None), ("d", "h"), ("e", "h")]
    assert pick_apart(candidates, 3) == ["a", "c", "d"]
    assert pick_apart(candidates, 10) == ["a", "c", "d"]


def test_one_group_for_all_gives_one() -> None:
    assert pick_apart([(n, "all") for n in "abcdef"], 4) == ["a"]


def test_an_offer_turned_down_leaves_the_picks_as_they_were() -> None:
    picks: KeptApart[str] = KeptApart(2)
    assert picks.offer("a", ("pack", "g"))
    assert not picks.offer("b", ("pack", "g"))
    assert picks.offer("c", ("other", "g"))  # another pack's group of the same name
    assert picks.full
    assert not picks.offer("d", None)
    assert picks.picked == ["a", "c"]
