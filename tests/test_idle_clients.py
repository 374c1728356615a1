"""The client a retired create_token fetch used goes only when nothing else reads it."""

from __future__ import annotations

from pathlib import Path

from heygen2liveavatar import migrate_source

FIXTURE = Path(__file__).parent / "fixtures/H2L101-session-token/auth_class_own_token_client"
SOURCE = (FIXTURE / "input.py").read_text(encoding="utf-8")
CLIENT = "self._token_client = httpx.Client(timeout=10)"


def test_client_only_the_fetch_used_is_deleted() -> None:
    assert CLIENT in SOURCE
    assert CLIENT not in migrate_source(SOURCE, filename="app.py").code


def test_client_only_closed_elsewhere_goes_with_its_closing() -> None:
    source = SOURCE.replace(
        "        yield request\n",
        "        yield request\n\n    def close(self):\n        self._token_client.close()\n"
        "\n    async def aclose(self):\n        await self._token_client.aclose()\n",
    )
    migrated = migrate_source(source, filename="app.py").code
    assert CLIENT not in migrated
    assert "_token_client" not in migrated
    assert "    def close(self):\n        pass\n" in migrated


def test_client_closed_and_read_elsewhere_is_kept() -> None:
    source = SOURCE.replace(
        "        yield request\n",
        "        yield request\n\n    def close(self):\n        self._token_client.close()\n"
        "\n    def limits(self):\n        return self._token_client.timeout\n",
    )
    migrated = migrate_source(source, filename="app.py").code
    assert CLIENT in migrated
    assert "self._token_client.close()" in migrated


def test_client_named_in_a_string_is_kept() -> None:
    source = SOURCE.replace(
        "        yield request\n",
        '        yield request\n\n    def pool(self):\n        return getattr(self, "_token_client")\n',
    )
    assert CLIENT in migrate_source(source, filename="app.py").code


def test_client_block_reading_its_client_after_the_fetch_is_kept() -> None:
    block = (FIXTURE.parent / "auth_class_token_client_block" / "input.py").read_text()
    source = block.replace(
        '                self._token = r.json()["data"]["token"]\n',
        '                self._token = r.json()["data"]["token"]\n'
        "                self.limits = client.timeout\n",
    )
    migrated = migrate_source(source, filename="app.py").code
    assert "with httpx.Client(timeout=10) as client:" in migrated
    assert (
        "with httpx.Client(timeout=10) as client:"
        not in migrate_source(block, filename="app.py").code
    )
