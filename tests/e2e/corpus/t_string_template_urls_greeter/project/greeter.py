# -*- coding: utf-8 -*-
"""Shop greeter: a HeyGen streaming avatar on the screen by the door."""
import logging
import os
from string import Template

import requests

API_HOST = "https://api.heygen.com"
ENDPOINT = Template("$host/v1/streaming.$action")
NEW_URL = ENDPOINT.substitute(host=API_HOST, action="new")
START_URL = ENDPOINT.substitute(host=API_HOST, action="start")
STOP_URL = Template("${host}/v1/streaming.stop").substitute(host=API_HOST)

logger = logging.getLogger(__name__)


def get_headers():
    return {
        "x-api-key": os.environ.get("HEYGEN_API_KEY", ""),
        "content-type": "application/json",
    }


class Greeter(object):
    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or os.environ.get("GREETER_AVATAR", "Anna_public_3_20240108")
        self.session_id = None

    def connect(self):
        resp = requests.post(NEW_URL, json={"avatar_id": self.avatar_id, "version": "v2"}, headers=get_headers())
        resp.raise_for_status()
        data = resp.json().get("data") or {}
        self.session_id = data.get("session_id")
        requests.post(START_URL, json={"session_id": self.session_id}, headers=get_headers()).raise_for_status()
        logger.info("greeter session %s", self.session_id)
        return data.get("url"), data.get("access_token")

    def greet(self, text):
        resp = requests.post(
            ENDPOINT.substitute(host=API_HOST, action="task"),
            json={"session_id": self.session_id, "text": text},
            headers=get_headers(),
        )
        if resp.status_code != 200:
            logger.error("task failed: %s", resp.text)

    def keep_alive(self):
        requests.post(ENDPOINT.substitute(host=API_HOST, action="keep_alive"), json={"session_id": self.session_id}, headers=get_headers())

    def disconnect(self):
        if self.session_id is None:
            return
        requests.post(STOP_URL, json={"session_id": self.session_id}, headers=get_headers())
        self.session_id = None
