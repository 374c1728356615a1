"""The tool's own markers are not code for the project facts.

A first run marks a gateway that posts whatever path its command object carries; the marker
quotes ``streaming.new``. Read as the function's code, that quote made the gateway a session
opener on the second run, whose H2L404 then renamed its callers' ``data["url"]`` in a module
the first run had left alone (corpus ``a25_command_dataclasses_classvar_paths_gateway``:
a second migration changed the migrated project)."""

from __future__ import annotations

from heygen2liveavatar.engine.project_facts import file_facts

GATEWAY = """\
import httpx


class AvatarGateway:
    def __init__(self) -> None:
        self._http = httpx.AsyncClient(base_url="https://api.liveavatar.com")

    async def execute(self, command):
{marker}        resp = await self._http.post(command.path, json=command.payload())
        return resp.json().get("data") or {{}}


NEW = "/v1/streaming.new"
"""

MARKER = (
    "        # TODO(heygen2liveavatar): H2L901 this call sends the `path` of the object it is"
    " given: `streaming.new` is the token call; dispatch on the command here by hand\n"
)


def test_a_marker_quoting_streaming_new_makes_no_opener() -> None:
    unmarked = file_facts(GATEWAY.format(marker="").encode())
    marked = file_facts(GATEWAY.format(marker=MARKER).encode())
    assert "execute" not in unmarked.openers
    assert marked.openers == unmarked.openers


def test_a_comment_of_the_author_still_counts() -> None:
    # Only the tool's markers are left out: what the author wrote stays as it was read.
    authored = GATEWAY.format(marker="        # posts streaming.new for OpenSession\n")
    assert "execute" in file_facts(authored.encode()).openers
