"""``shuffle`` in the native format: per question, a pack default, and back through export."""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz_app.core.questions import Pack
from quiz_app.packs.native import load_pack
from quiz_app.packs.writer import write_pack

SAMPLE = Path(__file__).parents[1] / "data" / "sample-pack"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(SAMPLE, folder)
    return folder


def _pins(pack: Pack) -> dict[str, bool]:
    return {q.key: q.shuffle for q in pack.questions}


def test_questions_shuffle_unless_they_or_their_pack_say_not(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    assert all(_pins(load_pack(folder)).values())
    missions = folder / "missions.toml"
    missions.write_text(
        missions.read_text(encoding="utf-8").replace(
            'answer = "b"\n', 'answer = "b"\nshuffle = false\n'
        ),
        encoding="utf-8",
    )
    pins = _pins(load_pack(folder))
    assert [key for key, shuffles in pins.items() if not shuffles] == ["far-side-first"]

    manifest = folder / "pack.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("languages =", "shuffle = false\nlanguages ="),
        encoding="utf-8",
    )
    science = folder / "science.toml"
    science.write_text(
        science.read_text(encoding="utf-8").replace(
            'id = "launch-order"\n', 'id = "launch-order"\nshuffle = true\n'
        ),
        encoding="utf-8",
    )
    pack = load_pack(folder)
    assert not pack.info.shuffle
    pins = _pins(pack)
    assert pins.pop("launch-order") is True  # its own word beats the pack's
    assert not any(pins.values())


def test_pins_and_the_pack_default_survive_an_export(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    manifest = folder / "pack.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("languages =", "shuffle = false\nlanguages ="),
        encoding="utf-8",
    )
    science = folder / "science.toml"
    science.write_text(
        science.read_text(encoding="utf-8").replace(
            'id = "tidal-lock"\n', 'id = "tidal-lock"\nshuffle = true\n'
        ),
        encoding="utf-8",
    )
    pack = load_pack(folder)
    for encoding in ("toml", "json"):
        out = tmp_path / f"out-{encoding}"
        write_pack(pack, out, encoding)
        again = load_pack(out)
        assert again == pack
        assert _pins(again)["tidal-lock"] is True


def test_a_wrong_value_is_a_problem_with_its_place(tmp_path: Path) -> None:
    from quiz_app.packs.native import check_pack

    folder = _copy(tmp_path)
    missions = folder / "missions.toml"
    missions.write_text(
        missions.read_text(encoding="utf-8").replace(
            'answer = "b"\n', 'answer = "b"\nshuffle = "no"\n'
        ),
        encoding="utf-8",
    )
    problems = check_pack(folder)
    assert problems, "a string where true/false belongs is refused"
    assert any("shuffle" in str(p) for p in problems)
