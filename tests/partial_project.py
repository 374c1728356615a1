"""A small project in the style of docs/realworld-patterns.md, shared by the partial-run
and pre-commit tests: a settings module holding the base URL and the key, a client module
that builds its URLs from them, a dependency manifest and a file without HeyGen usage."""

from __future__ import annotations

SETTINGS = '''"""Runtime settings for the kiosk avatar."""
import os

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
HEYGEN_BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1")
REQUEST_TIMEOUT = float(os.getenv("REQUEST_TIMEOUT", "10"))
'''
CLIENT = '''"""Stops and interrupts the kiosk's avatar sessions."""
import requests

from settings import HEYGEN_API_KEY, HEYGEN_BASE_URL, REQUEST_TIMEOUT

HEADERS = {"x-api-key": HEYGEN_API_KEY, "accept": "application/json"}


def interrupt(session_id: str) -> None:
    response = requests.post(
        f"{HEYGEN_BASE_URL}/streaming.interrupt",
        json={"session_id": session_id},
        headers=HEADERS,
        timeout=REQUEST_TIMEOUT,
    )
    response.raise_for_status()


def stop(session_id: str) -> None:
    response = requests.post(
        f"{HEYGEN_BASE_URL}/streaming.stop",
        json={"session_id": session_id},
        headers=HEADERS,
        timeout=REQUEST_TIMEOUT,
    )
    response.raise_for_status()
'''
PROJECT = {
    "settings.py": SETTINGS,
    "avatar_client.py": CLIENT,
    "requirements.txt": "requests>=2.31\n",
    "cli.py": "import sys\n\nprint(sys.argv)\n",
}
