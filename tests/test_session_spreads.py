"""``**`` entries in a ``streaming.new`` body: a module constant is mapped field by field, the
caller's keywords at run time, anything else is marked.

The constant is inlined only when its fields are the same on every call: a constant the
module changes in place, or one spread before explicit keys it may not override, is left to
a person.
"""

from __future__ import annotations

import pytest

from heygen2liveavatar import migrate_source

TEMPLATE = """import requests

DEFAULTS = {{"quality": "low", "version": "v2"}}
{extra}

def open_session(avatar_id, **options):
    body = {body}
    resp = requests.post("https://api.heygen.com/v1/streaming.new", json=body, headers={{"X-Api-Key": "k"}})
    return resp.json()["data"]
"""


def _migrated(body: str, extra: str = "") -> tuple[str, list[str]]:
    result = migrate_source(TEMPLATE.format(body=body, extra=extra))
    return result.code, [f.message for f in result.manual]


def test_constant_is_mapped_and_caller_keywords_at_run_time() -> None:
    code, manual = _migrated('{**DEFAULTS, "avatar_id": avatar_id, **options}')
    # Compared without whitespace: the call is wrapped to the file's line length.
    assert (
        'liveavatar_bridge.session_fields({"mode":"FULL","avatar_id":avatar_id,'
        '"video_settings":{"quality":"low","encoding":"VP8"},"avatar_persona":{},},options,)'
    ) in "".join(code.split())
    assert any(m.startswith("`**options` is mapped at run time") for m in manual)
    assert 'DEFAULTS = {"quality": "low", "version": "v2"}' in code  # other code may read it


@pytest.mark.parametrize(
    "extra", ['DEFAULTS["quality"] = "high"', "DEFAULTS.update(quality='high')"]
)
def test_constant_changed_in_place_is_left_to_a_person(extra: str) -> None:
    code, manual = _migrated('{**DEFAULTS, "avatar_id": avatar_id}', extra)
    assert "**DEFAULTS" in code
    assert "map the fields of this `**` entry to /v1/sessions/token by hand" in manual


def test_caller_keywords_before_explicit_keys_are_left_to_a_person() -> None:
    """``{**options, "avatar_id": x}``: ``avatar_id`` wins over the caller's, which a mapping
    applied after the body would reverse."""
    code, manual = _migrated('{**options, "avatar_id": avatar_id}')
    assert "session_fields" not in code
    assert "map the fields of this `**` entry to /v1/sessions/token by hand" in manual
