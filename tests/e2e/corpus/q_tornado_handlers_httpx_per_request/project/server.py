"""Avatar backend (Tornado). Each browser user gets their own HeyGen streaming session."""
import os

import httpx

import web

HEYGEN_URL = os.getenv("HEYGEN_URL", "https://api.heygen.com")
SETTINGS = {
    "avatar_id": os.getenv("AVATAR_ID", "Anna_public_3_20240108"),
    "knowledge_base_id": os.getenv("HEYGEN_KB"),
    "quality": "medium",
}

# user id -> session id
SESSIONS = {}


def heygen_headers():
    return {"x-api-key": os.environ["HEYGEN_API_KEY"], "accept": "application/json"}


class AvatarHandler(web.RequestHandler):
    def user_id(self):
        user = self.request.headers.get("X-User-Id")
        if not user:
            raise web.HTTPError(401, "missing X-User-Id")
        return user

    def session_id(self):
        sid = SESSIONS.get(self.user_id())
        if sid is None:
            raise web.HTTPError(409, "no session for this user")
        return sid


class StartHandler(AvatarHandler):
    async def post(self):
        user = self.user_id()
        body = {
            "avatar_id": self.settings["avatar_id"],
            "quality": self.settings["quality"],
            "knowledge_base_id": self.settings["knowledge_base_id"],
            "version": "v2",
        }
        async with httpx.AsyncClient(timeout=20) as client:
            r = await client.post(HEYGEN_URL + "/v1/streaming.new", json=body, headers=heygen_headers())
            if r.status_code != 200:
                raise web.HTTPError(502, r.text)
            data = r.json()["data"]
            r = await client.post(HEYGEN_URL + "/v1/streaming.start", json={"session_id": data["session_id"]}, headers=heygen_headers())
            if r.status_code != 200:
                raise web.HTTPError(502, r.text)
        SESSIONS[user] = data["session_id"]
        self.write({"session_id": data["session_id"], "livekit_url": data["url"], "livekit_token": data["access_token"]})


class SayHandler(AvatarHandler):
    async def post(self):
        args = self.get_json_body()
        task_type = "talk" if args.get("mode") == "talk" else "repeat"
        async with httpx.AsyncClient(timeout=20) as client:
            r = await client.post(
                HEYGEN_URL + "/v1/streaming.task",
                json={"session_id": self.session_id(), "text": args["text"], "task_type": task_type},
                headers=heygen_headers(),
            )
        if r.status_code != 200:
            raise web.HTTPError(502, r.text)
        self.write({"task_id": r.json()["data"]["task_id"]})


class InterruptHandler(AvatarHandler):
    async def post(self):
        async with httpx.AsyncClient(timeout=20) as client:
            await client.post(HEYGEN_URL + "/v1/streaming.interrupt", json={"session_id": self.session_id()}, headers=heygen_headers())
        self.write({"ok": True})


class PingHandler(AvatarHandler):
    async def post(self):
        async with httpx.AsyncClient(timeout=20) as client:
            r = await client.post(HEYGEN_URL + "/v1/streaming.keep_alive", json={"session_id": self.session_id()}, headers=heygen_headers())
        self.write({"ok": r.status_code == 200})


class StopHandler(AvatarHandler):
    async def post(self):
        sid = self.session_id()
        async with httpx.AsyncClient(timeout=20) as client:
            r = await client.post(HEYGEN_URL + "/v1/streaming.stop", json={"session_id": sid}, headers=heygen_headers())
        SESSIONS.pop(self.user_id(), None)
        self.write({"ok": r.status_code == 200})


app = web.Application(
    [
        (r"/avatar/start", StartHandler),
        (r"/avatar/say", SayHandler),
        (r"/avatar/interrupt", InterruptHandler),
        (r"/avatar/ping", PingHandler),
        (r"/avatar/stop", StopHandler),
    ],
    **SETTINGS,
)
