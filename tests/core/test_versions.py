"""Pack versions (issue 19): what a changed pack without its own version becomes."""

from __future__ import annotations

import pytest

from quiz_app.core.questions import next_minor_version, parse_version


@pytest.mark.parametrize(
    ("version", "after"), [("1.2.3", "1.3.0"), ("0.0.0", "0.1.0"), ("2.9.9", "2.10.0")]
)
def test_a_changed_pack_takes_the_next_minor_version(version: str, after: str) -> None:
    assert next_minor_version(version) == after


@pytest.mark.parametrize("text", ["1.0", "1.0.0.0", "01.0.0", "v1.0.0", "1.0.0-beta", ""])
def test_a_version_is_major_minor_patch(text: str) -> None:
    with pytest.raises(ValueError, match=r"is not MAJOR\.MINOR\.PATCH, e\.g\. 1\.0\.0$") as bad:
        parse_version(text)
    assert repr(text) in str(bad.value)
