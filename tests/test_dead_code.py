"""``analysis.dead_code``: what a rewrite leaves unused is deleted, and nothing else."""

from __future__ import annotations

import libcst as cst
import pytest

from heygen2liveavatar.analysis.dead_code import dead_locals, prune_unused


def prune(source: str, *names: str) -> str:
    return prune_unused(cst.parse_module(source), set(names)).code


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        pytest.param(
            "import json, requests\nfrom os import environ, getenv\n\ndef f():\n    return getenv('X')\n",
            ("json", "requests", "environ", "getenv"),
            "from os import getenv\n\ndef f():\n    return getenv('X')\n",
            id="aliases-and-whole-lines",
        ),
        pytest.param(
            "import requests\n__all__ = ['requests']\n",
            ("requests",),
            "import requests\n__all__ = ['requests']\n",
            id="exported-import-stays",
        ),
        pytest.param(
            "import requests\n\ndef f() -> 'requests.Response':\n    ...\n",
            ("requests",),
            "import requests\n\ndef f() -> 'requests.Response':\n    ...\n",
            id="string-annotation-is-a-use",
        ),
        pytest.param(
            "def f(x):\n    url = f'{x}/a'\n    headers = build_headers()\n    body = {'k': x}\n    data = json.dumps(body)\n    return 1\n",
            ("url", "headers", "data"),
            "def f(x):\n    return 1\n",
            id="locals-and-what-they-read",
        ),
        pytest.param(
            "def f():\n    token = fetch_token()\n    return 1\n",
            ("token",),
            "def f():\n    token = fetch_token()\n    return 1\n",
            id="call-with-effects-stays",
        ),
        pytest.param(
            "def f():\n    url = 'u'\n    def g():\n        return url\n    return g\n",
            ("url",),
            "def f():\n    url = 'u'\n    def g():\n        return url\n    return g\n",
            id="closure-read-keeps-local",
        ),
        pytest.param(
            "URL = 'u'\n",
            ("URL",),
            "URL = 'u'\n",
            id="module-constant-stays",
        ),
        pytest.param(
            "async def f(lock):\n    async with lock.acquired() as held:\n        return 1\n",
            ("held",),
            "async def f(lock):\n    async with lock.acquired():\n        return 1\n",
            id="with-target-dropped",
        ),
        pytest.param(
            "async def f(aiohttp):\n    # opens a session\n"
            "    async with aiohttp.ClientSession() as session:\n        x = 1\n        return x\n",
            ("session",),
            "async def f(aiohttp):\n    # opens a session\n    x = 1\n    return x\n",
            id="idle-client-block-gives-way-to-its-body",
        ),
        pytest.param(
            "async def f(aiohttp):\n    async with aiohttp.ClientSession() as session:  # pool\n"
            "        return 1\n",
            ("session",),
            "async def f(aiohttp):\n    async with aiohttp.ClientSession():  # pool\n"
            "        return 1\n",
            id="idle-client-block-with-header-comment-stays",
        ),
        pytest.param(
            "try:\n    import requests\nexcept ImportError:\n    requests = None\nprint(1)\n",
            ("requests",),
            "try:\n    pass\nexcept ImportError:\n    requests = None\nprint(1)\n",
            id="emptied-block-gets-pass",
        ),
        pytest.param(
            "def f():\n    global url\n    url = 'u'\n",
            ("url",),
            "def f():\n    global url\n    url = 'u'\n",
            id="global-stays",
        ),
    ],
)
def test_prune_unused(source: str, names: tuple[str, ...], expected: str) -> None:
    assert prune(source, *names) == expected


def test_dead_locals_predicts_the_pruning() -> None:
    module = cst.parse_module(
        "def f(sid):\n"
        "    path = '/streaming.task'\n"
        "    url = BASE + path\n"
        "    log = 'x'\n"
        "    print(log)\n"
        "    post(url, sid)\n"
    )
    function = module.body[0]
    assert isinstance(function, cst.FunctionDef)
    statement = function.body.body[-1]
    assert isinstance(statement, cst.SimpleStatementLine)
    call = statement.body[0]
    assert isinstance(call, cst.Expr)
    assert dead_locals(function, [call.value]) == {"url", "path"}
    assert dead_locals(function, []) == set()


def test_a_marker_of_this_run_goes_with_its_unused_statement() -> None:
    """A statement left unused keeps a marker that was there before the run (a person's
    to-do), but not one that this run's rules put there: that marker was about the statement
    alone, and a kept dead statement would give a second run HeyGen code to act on."""
    from heygen2liveavatar.analysis.dead_code import prune_unused_marked

    module = cst.parse_module(
        "def f():\n"
        "    # TODO(heygen2liveavatar): H2L402 read another key\n"
        "    request = Request(URL, headers={'X-API-KEY': KEY})\n"
        "    # TODO(heygen2liveavatar): a person's note\n"
        "    kept = Request(URL)\n"
        "    return 1\n"
    )
    function = module.body[0]
    assert isinstance(function, cst.FunctionDef)
    fresh = function.body.body[0]
    candidates = {"request", "kept"}
    assert prune_unused_marked(module, candidates, {})[0].code == module.code
    pruned, dropped, deleted = prune_unused_marked(module, candidates, {id(fresh): 7})
    assert dropped == {7}
    assert deleted == {id(fresh)}
    assert pruned.code == (
        "def f():\n"
        "    # TODO(heygen2liveavatar): a person's note\n"
        "    kept = Request(URL)\n"
        "    return 1\n"
    )
