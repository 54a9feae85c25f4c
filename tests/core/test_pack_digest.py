"""A pack's fingerprint (issue 19: survivors of core/importing's full mutation run). An
import compares it with the bank's to tell "nothing changed"; a fingerprint that missed
a part of the pack would let a changed pack through as unchanged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from quiz_app.core.importing import EncodedPack, encode_pack, encoded, media_hashes, pack_digest
from quiz_app.core.text import LocalizedText
from quiz_app.packs.native import load_pack

SAMPLE = Path(__file__).parents[1] / "data" / "sample-pack"


def test_the_fingerprint_covers_the_manifest() -> None:
    pack = encode_pack(load_pack(SAMPLE))
    retitled = replace(pack.info, title=LocalizedText.of({"en": "Other", "zh": "其他"}))
    hashes = [q.content_hash for q in pack.questions]
    assert pack_digest(pack.info, hashes, media_hashes(pack.media)) == pack.digest
    assert pack_digest(retitled, hashes, media_hashes(pack.media)) != pack.digest


def test_a_pack_under_another_version_is_fingerprinted_as_read_at_that_version() -> None:
    read = load_pack(SAMPLE)
    pack = encode_pack(read)
    later = pack.with_version("2.0.0")
    assert later.info.version == "2.0.0"
    assert (
        later.digest == encode_pack(replace(read, info=replace(read.info, version="2.0.0"))).digest
    )
    assert later.digest != pack.digest


def test_a_save_without_the_images_bytes_fingerprints_as_the_pack_with_them() -> None:
    """The editor's save leaves the images in the bank and gives only their hashes."""
    pack = encode_pack(load_pack(SAMPLE))
    assert pack.media  # the sample pack has an image
    saved = EncodedPack(pack.info, pack.questions, {}, media_sha256=media_hashes(pack.media))
    assert encoded(saved).digest == pack.digest
    assert encoded(EncodedPack(pack.info, pack.questions, {})).digest != pack.digest
