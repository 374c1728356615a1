"""The facts of a create_token token fetched in one module and sent from another
(``engine/token_getter_facts.py``), read with ``ast`` by the facts pass."""

from __future__ import annotations

import textwrap

from heygen2liveavatar.engine.project_facts import FactsCollector, file_facts

GETTER = b"""
import requests

class Tokens:
    def current(self):
        r = requests.post("https://api.heygen.com/v1/streaming.create_token", headers=H)
        return r.json()["data"]["token"]

    def helper(self):
        return "token"
"""

SENDER = b"""
import requests
from tokens import Tokens

def open_session(tokens):
    headers = {"Authorization": "Bearer " + tokens.current()}
    return requests.post("https://api.heygen.com/v1/streaming.new", json={}, headers=headers)

async def other(client):
    return {"Authorization": f"Bearer {await client.refresh()}"}
"""


def test_getters_and_bearer_calls_are_read() -> None:
    assert file_facts(GETTER).token_getters == {"current"}
    assert file_facts(SENDER).bearer_calls == {"current", "refresh"}


def test_paired_getters_need_both_sides() -> None:
    both = FactsCollector()
    both.add(GETTER)
    both.add(SENDER)
    assert both.build().paired_token_getters == frozenset({"current"})
    alone = FactsCollector()
    alone.add(GETTER)
    assert alone.build().paired_token_getters == frozenset()


def test_a_bearer_call_without_streaming_new_is_no_sender() -> None:
    source = textwrap.dedent(
        """
        def headers(tokens):
            return {"Authorization": f"Bearer {tokens.current()}"}
        """
    ).encode()
    assert file_facts(source).bearer_calls == set()


def test_a_bearer_parameter_pairs_every_getter() -> None:
    sender = textwrap.dedent(
        """
        import requests

        def open_session(token):
            headers = {"Authorization": f"Bearer {token}"}
            return requests.post("https://api.heygen.com/v1/streaming.new", headers=headers)
        """
    ).encode()
    facts = FactsCollector()
    facts.add(GETTER)
    facts.add(sender)
    assert facts.build().paired_token_getters == frozenset({"current"})


URLS = b"""
API = "https://api.heygen.com/v1"
TOKEN_URL = f"{API}/streaming.create_token"
NEW_URL = f"{API}/streaming.new"
"""

IMPORTED_GETTER = b"""
import requests
from .urls import TOKEN_URL

def get_token():
    return requests.post(TOKEN_URL, headers=H).json()["data"]["token"]
"""

IMPORTED_SENDER = b"""
import requests
from app import urls
from app.auth import get_token

def open_session():
    token = get_token()
    return requests.post(urls.NEW_URL, headers={"Authorization": f"Bearer {token}"})
"""


def _project(*files: tuple[str, bytes]) -> FactsCollector:
    collector = FactsCollector()
    for path, data in files:
        collector.add(data, None, True, path, resolved=True)
    return collector


def test_getter_and_sender_pair_through_imported_url_constants() -> None:
    """Neither module names create_token or streaming.new: the URL constants they read from
    ``urls.py`` do, which only the project's build resolves."""
    assert file_facts(IMPORTED_GETTER).token_getters == set()
    assert "get_token:urls:TOKEN_URL" in file_facts(IMPORTED_GETTER).imported_token_getters
    sender = file_facts(IMPORTED_SENDER)
    assert sender.imported_bearer_calls == {"get_token"}
    assert "app.urls:NEW_URL" in sender.url_reads
    project = _project(
        ("/p/app/urls.py", URLS),
        ("/p/app/auth.py", IMPORTED_GETTER),
        ("/p/app/session.py", IMPORTED_SENDER),
    )
    assert project.build().paired_token_getters == frozenset({"get_token"})


def test_imported_constants_of_another_module_do_not_pair() -> None:
    """The same names defined by a module the imports do not name: no getter, no sender."""
    project = _project(
        ("/p/other/links.py", URLS),
        ("/p/app/auth.py", IMPORTED_GETTER),
        ("/p/app/session.py", IMPORTED_SENDER),
    )
    assert project.build().paired_token_getters == frozenset()


def test_class_members_and_dict_entries_pair_too() -> None:
    urls = b"""
BASE = "https://api.heygen.com/v1"
class Urls:
    NEW = BASE + "/streaming.new"
ENDPOINTS = {"token": BASE + "/streaming.create_token"}
"""
    getter = b"""
import httpx
from .urls import ENDPOINTS

def fetch():
    return httpx.post(ENDPOINTS["token"], headers=H).json()["data"]["token"]
"""
    sender = b"""
import httpx
from .urls import Urls

def open_session(token):
    return httpx.post(Urls.NEW, headers={"Authorization": f"Bearer {token}"})
"""
    project = _project(
        ("/p/app/urls.py", urls), ("/p/app/auth.py", getter), ("/p/app/live.py", sender)
    )
    assert project.build().paired_token_getters == frozenset({"fetch"})
