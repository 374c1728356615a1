#!/usr/bin/env python3
"""Operator console for the in-store HeyGen streaming avatar.

    $ python avatar_console.py
    (avatar) open
    (avatar) say Hello and welcome!
    (avatar) close
"""
from __future__ import annotations

import cmd
import json
import os
from functools import cached_property

import requests


class AvatarConsole(cmd.Cmd):
    intro = "Store avatar console. Type help or ? to list commands."
    prompt = "(avatar) "

    def __init__(self) -> None:
        super().__init__()
        self.api = os.environ.get("HEYGEN_API", "https://api.heygen.com")
        self.avatar = os.environ.get("CONSOLE_AVATAR", "Anna_public_3_20240108")
        self.kb = os.environ.get("CONSOLE_KB")
        self.session_id: str | None = None
        self.room: dict | None = None

    @cached_property
    def http(self) -> requests.Session:
        s = requests.Session()
        s.headers.update({"x-api-key": os.environ["HEYGEN_API_KEY"], "accept": "application/json"})
        return s

    def _ok(self, resp: requests.Response) -> dict:
        body = resp.json()
        if body.get("code") != 100:
            raise RuntimeError(f"HeyGen error {body.get('code')}: {body.get('message')}")
        return body.get("data") or {}

    def _need_session(self) -> bool:
        if self.session_id is None:
            print("no session: run `open` first")
            return False
        return True

    # --- commands -------------------------------------------------------------------------
    def do_open(self, arg: str) -> None:
        """open: create and start a streaming session"""
        payload = {"avatar_id": self.avatar, "quality": "medium", "version": "v2"}
        if self.kb:
            payload["knowledge_base_id"] = self.kb
        data = self._ok(self.http.post(f"{self.api}/v1/streaming.new", json=payload, timeout=30))
        self.session_id = data["session_id"]
        self._ok(self.http.post(f"{self.api}/v1/streaming.start", json={"session_id": self.session_id}, timeout=30))
        self.room = {"url": data["url"], "access_token": data["access_token"]}
        print(json.dumps({"session_id": self.session_id, **self.room}, indent=2))

    def do_say(self, arg: str) -> None:
        """say TEXT: the avatar repeats TEXT"""
        if self._need_session():
            self._ok(
                self.http.post(
                    f"{self.api}/v1/streaming.task",
                    json={"session_id": self.session_id, "text": arg, "task_type": "repeat"},
                    timeout=30,
                )
            )

    def do_ask(self, arg: str) -> None:
        """ask QUESTION: the avatar answers from its knowledge base"""
        if self._need_session():
            self._ok(
                self.http.post(
                    f"{self.api}/v1/streaming.task",
                    json={"session_id": self.session_id, "text": arg, "task_type": "chat"},
                    timeout=30,
                )
            )

    def do_listen(self, arg: str) -> None:
        """listen on|off"""
        if not self._need_session():
            return
        endpoint = "start_listening" if arg.strip() == "on" else "stop_listening"
        self._ok(self.http.post(f"{self.api}/v1/streaming.{endpoint}", json={"session_id": self.session_id}, timeout=30))

    def do_hush(self, arg: str) -> None:
        """hush: interrupt the avatar"""
        if self._need_session():
            self._ok(self.http.post(f"{self.api}/v1/streaming.interrupt", json={"session_id": self.session_id}, timeout=30))

    def do_ping(self, arg: str) -> None:
        """ping: keep the session alive"""
        if self._need_session():
            self._ok(self.http.post(f"{self.api}/v1/streaming.keep_alive", json={"session_id": self.session_id}, timeout=30))

    def do_close(self, arg: str) -> None:
        """close: stop the session"""
        if self._need_session():
            self._ok(self.http.post(f"{self.api}/v1/streaming.stop", json={"session_id": self.session_id}, timeout=30))
            self.session_id = None
            self.room = None

    def do_EOF(self, arg: str) -> bool:
        if self.session_id:
            self.do_close("")
        return True


if __name__ == "__main__":
    AvatarConsole().cmdloop()
