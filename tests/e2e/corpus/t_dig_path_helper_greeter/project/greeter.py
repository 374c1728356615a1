# -*- coding: utf-8 -*-
"""Shop greeter: a HeyGen streaming avatar on the screen by the door."""
import logging
import os

import requests

API_HOST = "https://api.heygen.com"
NEW_URL = "{base}/v1/streaming.new".format(base=API_HOST)
START_URL = "{base}/v1/streaming.start".format(base=API_HOST)
STOP_URL = "{0}/v1/streaming.stop".format(API_HOST)

logger = logging.getLogger(__name__)


def dig(obj, path, default=None):
    for key in path.split("."):
        if not isinstance(obj, dict) or key not in obj:
            return default
        obj = obj[key]
    return obj


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
        body = resp.json()
        self.session_id = dig(body, "data.session_id")
        requests.post(START_URL, json={"session_id": self.session_id}, headers=get_headers()).raise_for_status()
        logger.info("greeter session %s", self.session_id)
        return dig(body, "data.url"), dig(body, "data.access_token")

    def greet(self, text):
        resp = requests.post(
            "%s/v1/streaming.task" % API_HOST,
            json={"session_id": self.session_id, "text": text},
            headers=get_headers(),
        )
        if resp.status_code != 200:
            logger.error("task failed: %s", resp.text)

    def keep_alive(self):
        requests.post("%s/v1/streaming.keep_alive" % (API_HOST,), json={"session_id": self.session_id}, headers=get_headers())

    def disconnect(self):
        if self.session_id is None:
            return
        requests.post(STOP_URL, json={"session_id": self.session_id}, headers=get_headers())
        self.session_id = None
