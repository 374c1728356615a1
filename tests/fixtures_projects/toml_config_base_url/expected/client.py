"""Closes a streaming session; the base URL and key variable come from avatar.toml."""

import os
import tomllib

import requests

with open("avatar.toml", "rb") as fh:
    section = tomllib.load(fh)["heygen"]


def stop_session(session_id):
    response = requests.post(
        section["base_url"] + "/sessions/stop",
        json={"session_id": session_id, "reason": "USER_CLOSED"},
        headers={"X-API-KEY": os.environ[section.get("api_key_env")]},
        timeout=30,
    )
    response.raise_for_status()
