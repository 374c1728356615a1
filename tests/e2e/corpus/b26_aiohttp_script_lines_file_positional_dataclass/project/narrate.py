"""Narrate a text file with a HeyGen interactive avatar.

usage: python narrate.py script.txt --avatar Wayne_20240711 [--ping-every 3] [--cut]
"""
import argparse
import asyncio
import os
import sys
from dataclasses import dataclass
from urllib.parse import urlencode

import aiohttp

HEYGEN = "https://api.heygen.com/"
MEET = "https://meet.livekit.io/custom"


@dataclass(frozen=True)
class LiveSession:
    session_id: str
    url: str
    access_token: str

    @property
    def viewer_link(self) -> str:
        return f"{MEET}?{urlencode({'liveKitUrl': self.url, 'token': self.access_token})}"


class Narrator:
    def __init__(self, http: aiohttp.ClientSession):
        self.http = http
        self.live: LiveSession | None = None

    async def _post(self, path, **body):
        async with self.http.post(path, json=body) as r:
            r.raise_for_status()
            return (await r.json())["data"]

    async def open(self, avatar):
        data = await self._post("v1/streaming.new", avatar_id=avatar, version="v2", quality="medium")
        await self._post("v1/streaming.start", session_id=data["session_id"])
        self.live = LiveSession(data["session_id"], data["url"], data["access_token"])
        return self.live

    async def line(self, text):
        await self._post("v1/streaming.task", session_id=self.live.session_id, text=text, task_type="repeat")

    async def ping(self):
        await self._post("v1/streaming.keep_alive", session_id=self.live.session_id)

    async def cut(self):
        await self._post("v1/streaming.interrupt", session_id=self.live.session_id)

    async def close(self):
        if self.live:
            await self._post("v1/streaming.stop", session_id=self.live.session_id)
            self.live = None


def read_lines(path):
    with open(path, encoding="utf-8") as fh:
        return [l.strip() for l in fh if l.strip() and not l.startswith("#")]


async def main(argv=None, on_ready=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("script")
    ap.add_argument("--avatar", default=os.getenv("NARRATOR_AVATAR"))
    ap.add_argument("--ping-every", type=int, default=0)
    ap.add_argument("--cut", action="store_true")
    args = ap.parse_args(argv)
    lines = read_lines(args.script)
    headers = {"x-api-key": os.environ["HEYGEN_API_KEY"], "content-type": "application/json"}
    async with aiohttp.ClientSession(base_url=HEYGEN, headers=headers) as http:
        narrator = Narrator(http)
        live = await narrator.open(args.avatar)
        print("watch:", live.viewer_link, flush=True)
        if on_ready:
            on_ready(live.viewer_link)
        try:
            for n, text in enumerate(lines, 1):
                if args.cut and n == len(lines):
                    await narrator.cut()
                await narrator.line(text)
                if args.ping_every and n % args.ping_every == 0:
                    await narrator.ping()
        finally:
            await narrator.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
