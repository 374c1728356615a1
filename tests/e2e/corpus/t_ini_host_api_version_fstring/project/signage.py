"""Lobby signage: an avatar reading announcements, configured by avatar.ini."""

import configparser
import os

import requests


class SignagePlayer:
    def __init__(self, cfg):
        self.cfg = cfg
        self.host = cfg.get("heygen", "host")
        self.api_version = cfg.get("heygen", "api_version", fallback="v1")
        self.headers = {"X-Api-Key": os.environ[cfg["heygen"]["api_key_env"]]}
        self.debug = cfg.getboolean("heygen", "debug", fallback=False)
        self.session_id = None

    @classmethod
    def from_ini(cls, path):
        cfg = configparser.ConfigParser()
        cfg.read(path)
        return cls(cfg)

    def open(self):
        body = {
            "avatar_id": os.environ["SIGNAGE_AVATAR_ID"],
            "quality": self.cfg["heygen"].get("quality", "low"),
            "version": "v2",
        }
        r = requests.post(f"{self.host}/{self.api_version}/streaming.new", json=body, headers=self.headers, timeout=30)
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        requests.post(
            f"{self.host}/{self.api_version}/streaming.start",
            json={"session_id": self.session_id},
            headers=self.headers,
            timeout=30,
        ).raise_for_status()
        if self.debug:
            print("session", self.session_id)
        return {"url": data["url"], "access_token": data["access_token"]}

    def announce(self, text):
        r = requests.post(
            f"{self.host}/{self.api_version}/streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": "repeat"},
            headers=self.headers,
            timeout=30,
        )
        r.raise_for_status()
        return r.json()["data"]["task_id"]

    def close(self):
        requests.post(
            f"{self.host}/{self.api_version}/streaming.stop",
            json={"session_id": self.session_id},
            headers=self.headers,
            timeout=30,
        ).raise_for_status()
        self.session_id = None
