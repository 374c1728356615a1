"""A session opener whose answer a pydantic ``TypeAdapter`` validates keeps HeyGen's keys.

``return NEW_SESSION.validate_python(r.json())`` with a ``TypedDict`` of HeyGen's fields: the
opener's module gives the token response HeyGen's names (``with_heygen_names``) before the
validation, which drops every key the ``TypedDict`` lacks. Its callers in other modules read
``session["url"]``, which must stay as it is (``livekit_url`` is not in the validated dict).
"""

from __future__ import annotations

from pathlib import Path

from test_partial_runs import migrate, read_project, write_project

from heygen2liveavatar.engine.project_facts import file_facts

SERVICE = """\
import httpx
from pydantic import TypeAdapter
from typing_extensions import TypedDict


class SessionData(TypedDict):
    session_id: str
    url: str
    access_token: str


class Envelope(TypedDict):
    code: int
    data: SessionData


NEW_SESSION = TypeAdapter(Envelope)


async def open_session(client: httpx.AsyncClient, avatar_id: str) -> Envelope:
    r = await client.post("https://api.heygen.com/v1/streaming.new", json={"avatar_id": avatar_id})
    envelope = NEW_SESSION.validate_python(r.json())
    await client.post(
        "https://api.heygen.com/v1/streaming.start",
        json={"session_id": envelope["data"]["session_id"]},
    )
    return envelope
"""

ROUTES = """\
from service import open_session


async def room(client, avatar_id):
    session = (await open_session(client, avatar_id))["data"]
    return {"room": session["url"], "token": session["access_token"]}
"""


def test_an_adapter_validated_return_is_no_opener() -> None:
    assert "open_session" not in file_facts(SERVICE.encode(), True).openers
    returned = SERVICE.replace("    return envelope\n", "    return r.json()\n")
    assert "open_session" in file_facts(returned.encode(), True).openers


def test_callers_keep_reading_heygen_keys(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", {"service.py": SERVICE, "routes.py": ROUTES})
    status, report = migrate(root, ".")
    assert status == 1, report
    migrated = read_project(root)
    assert b"with_heygen_names" in migrated["service.py"], report
    assert migrated["routes.py"] == ROUTES.encode(), report
