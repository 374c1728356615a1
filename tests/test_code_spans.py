"""The project facts count endpoint mentions in code only (``analysis/mentions.CodeSpans``).

A file whose only mention of ``streaming.task`` is a comment, a docstring or a log sentence
does not send text; one that sends it from code, from an f-string, from a URL constant or
from JavaScript held in a string does. Each case is one file read by ``file_facts``.
"""

from __future__ import annotations

import pytest

from heygen2liveavatar.engine.project_facts import file_facts

# Every file names an endpoint in code (``streaming.new``), so that its text is read for code.
OPENS = 'import requests\nrequests.post("https://api.heygen.com/v1/streaming.new", json={})\n'

CASES = {
    "a comment": ("# then streaming.task speaks\n", False),
    "a comment after code, with a quote in it": ('x = 1  # "streaming.task" later\n', False),
    "a module docstring": ('"""Calls streaming.task."""\n', False),
    "a function docstring": ('def f():\n    """Uses streaming.task."""\n    return 1\n', False),
    "an implicitly concatenated docstring": (
        'def f():\n    "Speaks " "with streaming.task"\n    return 1\n',
        False,
    ),
    "a log sentence": ('log.info("calling the streaming.task endpoint now")\n', False),
    "a URL in code": ('requests.post(BASE + "/v1/streaming.task", json={})\n', True),
    "an f-string URL": ('requests.post(f"{BASE}/streaming.task", json={})\n', True),
    "a string right after a keyword": ('def url():\n    return"/v1/streaming.task"\n', True),
    "a triple-quoted string holding a hash": ('URL = """#/v1/streaming.task"""\nx = URL\n', True),
    "JavaScript in a string": ("PAGE = \"<script>fetch('/v1/streaming.task')</script>\"\n", True),
    "a JavaScript comment in a string": (
        'PAGE = """<script>\n// fetch(\'/v1/streaming.task\')\nfetch(\'/x\')</script>"""\n',
        False,
    ),
    "a string after a string holding a quote": ("A = \"it's\"\nB = '/v1/streaming.task'\n", True),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_mention_counts_in_code_only(name: str) -> None:
    source, sends_text = CASES[name]
    facts = file_facts((OPENS + source).encode())
    assert ("text" in facts.session) is sends_text
    assert "opens" in facts.session


def test_a_file_naming_no_endpoint_counts_every_mention() -> None:
    # Without an endpoint path the file's text is not read for code (as before the lexer).
    facts = file_facts(b"# uses /v2/video/generate later\nx = 1\n")
    assert facts.other_apis


def test_a_file_that_does_not_parse_counts_every_mention() -> None:
    facts = file_facts((OPENS + "# streaming.task\ndef broken(:\n").encode())
    assert "text" in facts.session
