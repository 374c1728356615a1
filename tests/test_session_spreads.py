"""``**`` entries in a ``streaming.new`` body: a module constant is mapped field by field, the
caller's trailing keywords at run time (``session_fields``), anything else makes the whole body
mapped at run time (``session_body``).

The constant is inlined only when its fields are the same on every call. A constant the module
changes in place, or keywords spread before explicit keys, are mapped with the whole body when
it is sent: Python builds the dict first (the explicit keys still win), then it is mapped.
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
def test_constant_changed_in_place_is_mapped_with_the_whole_body(extra: str) -> None:
    code, manual = _migrated('{**DEFAULTS, "avatar_id": avatar_id}', extra)
    assert 'body = {**DEFAULTS, "avatar_id": avatar_id}' in code  # not inlined
    assert 'json=liveavatar_bridge.session_body(body, "FULL")' in code
    assert not any("by hand" in m for m in manual)


def test_caller_keywords_before_explicit_keys_are_mapped_with_the_whole_body() -> None:
    """``{**options, "avatar_id": x}``: ``avatar_id`` wins over the caller's, which a mapping of
    ``options`` applied after the body (``session_fields``) would reverse; the dict Python
    builds is mapped as a whole instead."""
    code, manual = _migrated('{**options, "avatar_id": avatar_id}')
    assert "session_fields" not in code
    assert 'body = {**options, "avatar_id": avatar_id}' in code
    assert 'json=liveavatar_bridge.session_body(body, "FULL")' in code
    assert not any("by hand" in m for m in manual)
