"""Parameters a session opener sends as asset ids (``engine/id_parameter_facts.py``), and the
calls of another module that pass them (``analysis.session_values.foreign_id_arguments``).
The whole-project behaviour is the golden project ``avatar_literal_from_another_module``."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import libcst as cst

from heygen2liveavatar.analysis.index import ModuleIndex
from heygen2liveavatar.analysis.session_values import foreign_id_arguments, imported_constant
from heygen2liveavatar.engine.id_parameter_facts import string_constants
from heygen2liveavatar.engine.project_facts import FileFacts, file_facts, module_of_path
from heygen2liveavatar.engine.walk import admitted_by_project, calls_id_opener

CLIENT = b"""import requests

URL = "https://api.heygen.com/v1/streaming.new"


def new_session(api_key, avatar_id, voice=None, *, kb=None):
    body = {"avatar_id": avatar_id, "voice": {"voice_id": voice}, "knowledge_base_id": kb}
    return requests.post(URL, json=body, headers={"x-api-key": api_key}).json()


def log_avatar(avatar_id):
    print({"avatar_id": avatar_id})


class Kiosk:
    def open(self, avatar):
        return requests.post(URL, json={"avatar_name": avatar}).json()
"""


def test_openers_record_the_parameters_they_send_as_ids() -> None:
    facts = file_facts(CLIENT)
    assert facts.id_parameters == {
        "new_session": [
            ("avatar_id", 1, "avatar_id"),
            ("voice", 2, "voice_id"),
            ("kb", -1, "knowledge_base_id"),
        ],
        "Kiosk.open": [("avatar", 0, "avatar_name")],
    }
    assert FileFacts.from_json(facts.to_json()) == facts


def _arguments(source: str) -> list[tuple[str, str, str]]:
    index = ModuleIndex(cst.parse_module(source))
    facts = (
        ("new_session", "avatar_id", 1, "avatar_id"),
        ("new_session", "kb", -1, "knowledge_base_id"),
        ("Kiosk.open", "avatar", 0, "avatar_name"),
    )
    return [
        (cst.Module([]).code_for_node(found.value), found.function, found.key)
        for found in foreign_id_arguments(index, facts)
    ]


def test_calls_of_imported_functions_and_methods_of_imported_classes() -> None:
    source = (
        "import webbrowser\n"
        "from app import client\n"
        "from app.client import Kiosk, new_session as start\n\n"
        "def main(key):\n"
        "    client.new_session(key, 'Wayne', kb='kb1')\n"
        "    start(key, avatar_id='Anna')\n"
        "    Kiosk().open('Tina')\n"
        "    open('settings.json')\n"
        "    webbrowser.open('https://example.com')\n"
    )
    assert _arguments(source) == [
        ("'Wayne'", "new_session", "avatar_id"),
        ("'kb1'", "new_session", "knowledge_base_id"),
        ("'Anna'", "new_session", "avatar_id"),
        ("'Tina'", "Kiosk.open", "avatar_name"),
    ]


def test_names_not_imported_or_defined_here_are_other_functions() -> None:
    calls = (
        "def main(session, key):\n"
        "    new_session(key, 'Wayne')\n"  # not imported: not the project's function
        "    session.new_session(key, 'Anna')\n"  # a function, not a method of ``session``
        "    session.open('Tina')\n"  # no ``Kiosk`` in this module
    )
    assert _arguments(calls) == []
    here = "from app.client import new_session\n\ndef new_session(key, avatar_id):\n    pass\n\n"
    # Defined in this module (after the import): ``caller_arguments`` reads it.
    assert _arguments(here + "new_session('key', 'Wayne')\n") == []


def test_a_module_naming_no_heygen_word_is_admitted_only_for_an_opener_call() -> None:
    """The project's openers admit a module the pre-filter rejects when it calls one with a
    literal; other modules stay rejected (byte tests only, no parse)."""
    from heygen2liveavatar._prefilter import may_contain_heygen, may_name_heygen_asset
    from heygen2liveavatar.model import ProjectFacts

    project = ProjectFacts(id_parameters=(("new_session", "avatar_id", 1, "avatar_id"),))
    caller = b'import client\n\nclient.new_session(key, "Wayne_20240711")\n'
    assert not may_contain_heygen(caller)
    assert calls_id_opener("main.py", caller, project)
    assert admitted_by_project("main.py", caller, project)
    assert not calls_id_opener("main.py", caller, ProjectFacts())  # no opener in the project
    assert not calls_id_opener("notes.txt", caller, project)
    for unrelated in (
        b"renew_session(key, 'x')\n",  # another name ending in the opener's
        b"client.new_session(key, avatar)\n",  # no literal near the call
        b"new_session = None\n",  # not a call
    ):
        assert not calls_id_opener("main.py", unrelated, project), unrelated
    assert may_name_heygen_asset(caller)
    assert may_name_heygen_asset(b"x = 'Anna_public_3_20240108'")
    assert not may_name_heygen_asset(b"x = 'report_2024.csv'; y = 'run_20240711.log'")
    # HeyGen's custom avatar ids: 32 hex digits, quoted.
    assert may_name_heygen_asset(b'open_avatar("8f3e2b1a9c4d4e5f8a7b6c5d4e3f2a1b")')
    assert not may_name_heygen_asset(b'x = "8f3e2b1a9c4d4e5f8a7b6c5d4e3f2a1"')  # 31 digits
    assert not may_name_heygen_asset(b'x = "8f3e2b1a9c4d4e5f8a7b6c5d4e3f2a1b0"')  # 33 digits
    assert not may_name_heygen_asset(b'x = "8f3e2b1a9c4d4e5f8a7b6c5d4e3f2a1g"')  # not hex


def test_standard_input_gets_the_opener_admission_of_a_whole_project_run(
    tmp_path: Path,
) -> None:
    """`--stdin-filename` names a module of its project: a module naming no HeyGen word that
    passes a literal id to a project opener comes out as in the whole-project run."""
    case = Path(__file__).parent / "fixtures_projects/avatar_hex_id_from_a_marker_free_module"
    root = tmp_path / "project"
    shutil.copytree(case / "input", root)
    (root / ".git").mkdir()
    source = (root / "kiosk/main.py").read_bytes()
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "heygen2liveavatar",
            "migrate",
            "-",
            "--stdin-filename",
            "kiosk/main.py",
        ],
        input=source,
        cwd=root,
        capture_output=True,
        timeout=120,
    )
    assert process.returncode == 1, process.stderr
    assert process.stdout == (case / "expected/kiosk/main.py").read_bytes()
    assert process.stdout != source


def test_methods_and_constructors_admit_only_modules_that_can_call_them() -> None:
    """A method opener (``Kiosk.open``) admits a module only where it names the class, so a
    builtin ``open("notes.txt")`` alone does not; a definition ``def open(...)`` is no call; a
    constructor (``Avatar.__init__``) never admits (the rules do not read ``Avatar(...)``
    calls as it). Without this, every ordinary module of a large project was parsed."""
    from heygen2liveavatar.model import ProjectFacts

    project = ProjectFacts(
        id_parameters=(
            ("Kiosk.open", "avatar", 0, "avatar_name"),
            ("Avatar.__init__", "avatar_id", 0, "avatar_id"),
        )
    )
    for unrelated in (
        b'with open("notes.txt") as handle:\n    pass\n',
        b'class Record:\n    def __init__(self, name: str) -> None:\n        self.name = f"{name}"\n',
        b'class Door:\n    def open(self, who="Kiosk"):\n        pass\n',
    ):
        assert not calls_id_opener("main.py", unrelated, project), unrelated
    caller = b'from app.client import Kiosk\n\nKiosk(key).open("Anna_public_3_20240108")\n'
    assert calls_id_opener("main.py", caller, project)


def test_the_word_test_in_front_of_an_opener_call() -> None:
    """The opener pattern has no look-behind (it is run on every module of the project, and a
    leading look-behind is tried at every byte): the test that the name starts a word is made
    on each match, and a match inside a longer name does not hide a call after it."""
    from heygen2liveavatar.model import ProjectFacts

    project = ProjectFacts(id_parameters=(("new_session", "avatar_id", 1, "avatar_id"),))
    for call in (
        b'new_session(key, "Wayne_20240711")\n',  # at the very start of the file
        b'x = client.new_session (key, "Wayne")\n',  # blanks before the parenthesis
        b'renew_session(key); new_session(key, "Wayne")\n',  # after a longer name's match
        'x = \u00e9new_session(k, "W")\n'.encode(),  # after a non-ASCII byte
    ):
        assert calls_id_opener("main.py", call, project), call
    for other in (
        b'my_new_session(key, "Wayne")\n',  # after an underscore
        b'v2new_session(key, "Wayne")\n',  # after a digit
        b'Xnew_session(key, "Wayne")\n',  # after a letter
        b'def new_session(key, avatar="Wayne"):\n    pass\n',  # a definition
        b'print("new_session")\n',  # the name without a call
    ):
        assert not calls_id_opener("main.py", other, project), other


def test_the_called_names_kept_by_the_stat_cache_agree_with_the_opener_test() -> None:
    """A whole run's stat cache keeps ``quoted_call_names`` of each module instead of reading
    it again for the opener test: a module the test admits always calls an opener's name
    there, and the word test, definitions and calls without a literal are read the same."""
    from heygen2liveavatar.engine.walk import opener_names, quoted_call_names
    from heygen2liveavatar.model import ProjectFacts

    project = ProjectFacts(id_parameters=(("new_session", "avatar_id", 1, "avatar_id"),))
    assert opener_names(project) == (b"new_session",)
    for data in (
        b'new_session(key, "Wayne_20240711")\n',
        b'x = client.new_session (key, "Wayne")\n',
        b'renew_session(key); new_session(key, "Wayne")\n',
        'x = \u00e9new_session(k, "W")\n'.encode(),
        b'my_new_session(key, "Wayne")\n',
        b'v2new_session(key, "Wayne")\n',
        b'def new_session(key, avatar="Wayne"):\n    pass\n',
        b'print("new_session")\n',
        b"client.new_session(key, avatar)\n",
        b"new_session = None\n",
    ):
        admitted = calls_id_opener("main.py", data, project)
        assert admitted == (b"new_session" in quoted_call_names(data)), data
    assert quoted_call_names(b'f(g(1), "x")\nh(2)\n') == {b"f", b"g"}


def test_string_constants_keep_literals_and_environment_defaults() -> None:
    tree = ast.parse(
        "import os\n"
        'AVATAR_ID = os.getenv("AVATAR_ID", "Wayne_20240711")\n'
        'GREETER: str = "Anna_public_3_20240108"\n'
        'SANDBOX = os.environ.get("SANDBOX", "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a")\n'
        'PROMPT = "You are a friendly concierge"\n'
        'BASE = os.getenv("BASE", "https://api.heygen.com")\n'
        'TWICE = "Anna_public_3_20240108"\n'
        'TWICE = "Wayne_20240711"\n'
        'REQUIRED = os.environ["AVATAR"]\n'
    )
    assert string_constants(tree) == {
        "AVATAR_ID": "Wayne_20240711",
        "GREETER": "Anna_public_3_20240108",
        "SANDBOX": "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a",
    }


def test_imported_constant_follows_the_module_of_its_import() -> None:
    assert module_of_path("/srv/app/lobby/settings.py") == "srv.app.lobby.settings"
    assert module_of_path("/srv/app/lobby/config/__init__.py") == "srv.app.lobby.config"
    constants = (
        (module_of_path("/srv/app/lobby/client.py"), "AVATAR_ID", "Anna_public_3_20240108"),
        (module_of_path("/srv/app/lobby/settings.py"), "AVATAR_ID", "Wayne_20240711"),
        (module_of_path("/srv/app/kiosk/settings.py"), "AVATAR_ID", "Tyler-incasualsuit-20220721"),
    )
    source = textwrap.dedent(
        """
        from django.conf import settings as django_settings
        from lobby import settings
        from lobby.client import AVATAR_ID as DEMO
        from .settings import AVATAR_ID as RELATIVE
        """
    )
    index = ModuleIndex(cst.parse_module(source))

    def text(expression: str) -> str | None:
        return imported_constant(index, cst.parse_expression(expression), constants)

    assert text("settings.AVATAR_ID") == "Wayne_20240711"
    assert text("DEMO") == "Anna_public_3_20240108"
    # Two modules named ``settings`` disagree: no guess.
    assert text("RELATIVE") is None
    assert text("django_settings.AVATAR_ID") is None
    assert text("AVATAR_ID") is None  # not imported
