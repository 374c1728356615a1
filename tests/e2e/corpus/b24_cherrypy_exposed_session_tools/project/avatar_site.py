"""CherryPy site for the avatar page: each visitor (CherryPy session) gets their own avatar."""
import os

import cherrypy
import requests

HEYGEN_ROOT = "https://api.heygen.com/v1/streaming."
AVATAR_ID = os.environ.get("SITE_AVATAR_ID", "Anna_public_3_20240108")
KB_ID = os.environ.get("SITE_KB_ID")


class HeyGen:
    def __init__(self, key):
        self.http = requests.Session()
        self.http.headers.update({"x-api-key": key})

    def __call__(self, action, **body):
        resp = self.http.post(HEYGEN_ROOT + action, json=body, timeout=30)
        if resp.status_code != 200:
            raise cherrypy.HTTPError(502, "HeyGen %s failed" % action)
        return resp.json()["data"]


class AvatarSite:
    def __init__(self):
        self.heygen = HeyGen(os.environ["HEYGEN_API_KEY"])

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def start(self):
        room = cherrypy.session.get("avatar")
        if room is None:
            options = {"avatar_id": AVATAR_ID, "quality": "low", "version": "v2"}
            if KB_ID:
                options["knowledge_base_id"] = KB_ID
            room = self.heygen("new", **options)
            self.heygen("start", session_id=room["session_id"])
            cherrypy.session["avatar"] = room
        return {"session_id": room["session_id"]}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def player(self):
        room = cherrypy.session.get("avatar")
        if room is None:
            raise cherrypy.HTTPError(404, "start the avatar first")
        return {"livekit_url": room["url"], "livekit_token": room["access_token"]}

    @cherrypy.expose
    @cherrypy.tools.json_in()
    @cherrypy.tools.json_out()
    def ask(self):
        room = cherrypy.session["avatar"]
        question = cherrypy.request.json["question"]
        self.heygen("task", session_id=room["session_id"], text=question, task_type="chat")
        return {"asked": question}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def stop(self):
        room = cherrypy.session.pop("avatar", None)
        if room is not None:
            self.heygen("stop", session_id=room["session_id"])
        return {"stopped": room is not None}


def application():
    return cherrypy.tree.mount(AvatarSite(), "/", {"/": {"tools.sessions.on": True}})
