"""A failed start raises the project's own exception only when the request path raises one
class from a message (``analysis/error_contracts.py``); otherwise the helper's own error."""

from __future__ import annotations

import textwrap

import pytest

from heygen2liveavatar import migrate_source

CLIENT = """
import requests

{classes}

def _post(path, payload):
    if not path.startswith("/"):
        raise ValueError("not a path")
    resp = requests.post("https://api.heygen.com" + path, json=payload, timeout=30)
{raises}
    return resp.json()["data"]


def open_session(avatar_id):
    data = _post("/v1/streaming.new", {{"avatar_id": avatar_id, "version": "v2"}})
    _post("/v1/streaming.start", {{"session_id": data["session_id"]}})
    return data
"""


def _start_call(classes: str, raises: str) -> str:
    source = CLIENT.format(classes=textwrap.dedent(classes), raises=textwrap.indent(raises, "    "))
    code = migrate_source(source, filename="client.py").code
    start = code.index("liveavatar_bridge.start_session(")
    return code[start : code.index("\n    return", start)]


@pytest.mark.parametrize(
    ("classes", "raises", "named"),
    [
        (
            "class HeyGenError(Exception):\n    pass\n",
            "if resp.status_code != 200:\n    raise HeyGenError(resp.text)",
            "HeyGenError",
        ),
        (
            "from errors import ApiError as ClientError\n",
            "if resp.status_code != 200:\n    raise ClientError(f'HTTP {resp.status_code}')",
            "ClientError",
        ),
        (
            "import errors\n",
            "if resp.status_code != 200:\n    raise errors.ApiError(resp.text)",
            "errors.ApiError",
        ),
    ],
)
def test_the_one_class_raised_from_a_message_is_named(
    classes: str, raises: str, named: str
) -> None:
    assert f"error={named}" in _start_call(classes, raises)


@pytest.mark.parametrize(
    ("classes", "raises"),
    [
        # Two classes: which one a failed start is, is a person's choice.
        (
            "class AuthError(Exception):\n    pass\nclass ApiError(Exception):\n    pass\n",
            "if resp.status_code == 401:\n    raise AuthError(resp.text)\n"
            "if resp.status_code != 200:\n    raise ApiError(resp.text)",
        ),
        # Built from more than a message: the helper could not build it.
        (
            "class ApiError(Exception):\n    def __init__(self, status, text):\n"
            "        super().__init__(text)\n",
            "if resp.status_code != 200:\n    raise ApiError(resp.status_code, resp.text)",
        ),
        # Imported inside the wrapper only: not a name the start could write.
        (
            "",
            "from errors import ApiError\nif resp.status_code != 200:\n    raise ApiError(resp.text)",
        ),
        # Only builtins: not the project's error contract.
        ("", "if resp.status_code != 200:\n    raise RuntimeError(resp.text)"),
        ("", "resp.raise_for_status()"),
    ],
)
def test_no_error_is_named_otherwise(classes: str, raises: str) -> None:
    assert "error=" not in _start_call(classes, raises)
