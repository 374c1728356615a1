"""Closes a streaming session; the base URL and key variable come from avatar.ini."""

import configparser
import os

import requests

config = configparser.ConfigParser()
config.read("avatar.ini")
section = config["heygen"]


def stop_session(session_id):
    response = requests.post(
        section["base_url"] + "/sessions/stop",
        json={"session_id": session_id, "reason": "USER_CLOSED"},
        headers={"X-API-KEY": os.environ[section.get("api_key_env")]},
        timeout=section.getint("timeout"),
    )
    response.raise_for_status()
