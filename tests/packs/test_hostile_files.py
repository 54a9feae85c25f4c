"""Files that are not what they are called, and files that are not files (issue 13,
item 3): images judged by their content, FIFOs and devices never read."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz_app.core.errors import PackError
from quiz_app.packs.files import NotRegularFileError, read_regular
from quiz_app.packs.formats import load_any
from quiz_app.packs.media import media_kind, media_problem
from quiz_app.packs.native import check_pack
from quiz_app.services.results_file import read_results_file
from tests.conftest import SAMPLE_PACK

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + bytes(40)
SVG = (SAMPLE_PACK / "media" / "moon.svg").read_bytes()
SVG_READING_A_FILE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    b'<image xlink:href="file:///etc/hosts" width="9" height="9"/></svg>'
)


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (PNG, "png"),
        (b"\xff\xd8\xff\xe0" + bytes(20), "jpeg"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 " + bytes(8), "webp"),
        (SVG, "svg"),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- a map -->\n<svg width="1"/>', "svg"),
        (b"GIF89a" + bytes(10), None),
        (b"<html><svg/></html>", None),
        (b"", None),
        (b"\x89PNG", None),  # cut short
    ],
)
def test_an_image_is_what_its_bytes_say(content: bytes, kind: str | None) -> None:
    assert media_kind(content) == kind


def test_a_name_must_agree_with_the_content() -> None:
    assert media_problem("moon.svg", SVG) is None
    assert media_problem("dot.png", PNG) is None
    assert media_problem("dot.PNG", PNG) is None
    assert media_problem("moon.png", SVG) == (
        "holds a SVG image but is named .png",
        "内容是 SVG 图片，但文件名的扩展名是 .png",
    )
    assert media_problem("dot.svg", PNG) == (
        "holds a PNG image but is named .svg",
        "内容是 PNG 图片，但文件名的扩展名是 .svg",
    )
    assert media_problem("dot.jpg", PNG) == (
        "holds a PNG image but is named .jpg",
        "内容是 PNG 图片，但文件名的扩展名是 .jpg",
    )
    assert media_problem("moon", SVG) == (
        "holds a SVG image but is named without an extension",
        "内容是 SVG 图片，但文件名没有扩展名",
    )
    assert media_problem("x.gif", b"GIF89a") == (
        "is not a PNG, JPEG, WebP or SVG image",
        "不是 PNG、JPEG、WebP 或 SVG 图片",
    )


def test_an_svg_named_png_that_reads_a_file_is_refused(sample_pack: Path) -> None:
    (sample_pack / "media" / "moon.svg").unlink()
    (sample_pack / "media" / "moon.png").write_bytes(SVG_READING_A_FILE)
    target = sample_pack / "missions.toml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("media/moon.svg", "media/moon.png"),
        encoding="utf-8",
    )
    [problem] = [str(p) for p in check_pack(sample_pack)]
    assert "image 'media/moon.png' holds a SVG image but is named .png" in problem


def test_the_screen_refuses_what_the_check_refuses(qapp: object) -> None:
    """A bank imported before these checks may hold such an image: it is not drawn."""
    from quiz_app.ui.images import pixmap_from_bytes

    assert not pixmap_from_bytes(SVG, "moon.svg", 40).isNull()
    assert not pixmap_from_bytes(SVG, "moon.png", 40).isNull()  # an SVG, checked as one
    assert pixmap_from_bytes(SVG_READING_A_FILE, "moon.png", 40).isNull()
    assert pixmap_from_bytes(b"GIF89a" + bytes(30), "x.png", 40).isNull()


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _within(seconds: float, work: Callable[[], object]) -> BaseException | None:
    """Run ``work`` in a thread; the exception it raised, failing if it hangs."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as err:
            caught.append(err)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "it hung on a FIFO"
    return caught[0] if caught else None


def test_reading_a_fifo_never_waits(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "pipe")
    error = _within(5, lambda: read_regular(fifo, 100))
    assert isinstance(error, NotRegularFileError)
    assert isinstance(_within(5, lambda: read_regular(tmp_path, 100)), NotRegularFileError)
    (tmp_path / "small.txt").write_bytes(b"12345")
    assert read_regular(tmp_path / "small.txt", 3) == b"1234"  # limit + 1: "too big"
    assert read_regular(tmp_path / "small.txt", 10) == b"12345"


def test_a_fifo_in_a_pack_folder_is_refused_at_once(sample_pack: Path) -> None:
    _fifo(sample_pack / "extra.toml")
    error = _within(10, lambda: load_any(sample_pack))
    assert isinstance(error, PackError)
    assert any("extra.toml" in str(p) and "not a regular file" in str(p) for p in error.problems)


@pytest.mark.parametrize(
    "name", ["class.gift", "class.txt", "bank.xml", "sheet.csv", "sheet.xlsx", "p.zip"]
)
def test_a_fifo_given_as_a_file_to_import_is_refused_at_once(tmp_path: Path, name: str) -> None:
    fifo = _fifo(tmp_path / name)
    error = _within(10, lambda: load_any(fifo))
    assert isinstance(error, PackError), error
    assert "not a regular file" in str(error)


def test_a_fifo_given_as_a_results_file_is_refused_at_once(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "results.quizresults")
    error = _within(10, lambda: read_results_file(fifo))
    assert error is not None
    assert "not a regular file" in str(error)


def _many_entries_zip(path: Path, count: int, size: int) -> Path:
    """A pack zip whose media entries each stay under the per-entry ratio check."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in SAMPLE_PACK.rglob("*"):
            if part.is_file():
                archive.write(part, part.relative_to(SAMPLE_PACK).as_posix())
        for i in range(count):
            archive.writestr(f"media/pad{i}.png", bytes(size))
    return path


def test_many_entries_that_together_expand_like_a_bomb_are_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def counting_open(self: zipfile.ZipFile, name: object, *args: object, **kw: object) -> object:
        opened.append(str(name))
        return real_open(self, name, *args, **kw)  # type: ignore[arg-type]

    path = _many_entries_zip(tmp_path / "bomb.zip", 60, 1024 * 1024 - 1)
    monkeypatch.setattr(zipfile.ZipFile, "open", counting_open)
    with pytest.raises(PackError) as caught:
        load_any(path)
    assert "times their packed size taken together" in str(caught.value)
    assert opened == []  # refused before a byte was unpacked


def test_a_zip_of_a_pack_just_under_the_limits_is_read(tmp_path: Path) -> None:
    path = _many_entries_zip(tmp_path / "fine.zip", 2, 1000)
    assert len(load_any(path).questions) == 7


@pytest.mark.parametrize("name", ["pack.toml", "missions.toml"])
def test_lists_nested_hundreds_deep_are_a_problem_not_a_traceback(
    sample_pack: Path, name: str
) -> None:
    target = sample_pack / name
    target.write_text(
        target.read_text(encoding="utf-8") + "\ndeep = " + "[" * 600 + "]" * 600 + "\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in check_pack(sample_pack)]
    assert problems == [
        f"{target}: nests lists or tables too deep to be a pack (is the file damaged?)"
    ]
