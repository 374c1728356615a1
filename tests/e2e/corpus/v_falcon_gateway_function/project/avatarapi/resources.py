import os

import falcon

from .gateway import HeyGenError, heygen_call


class SessionResource:
    def on_post(self, req, resp):
        body = {
            "avatar_id": req.media.get("avatar_id") or os.environ.get("AVATAR_ID", "Anna_public_3_20240108"),
            "quality": req.media.get("quality", "medium"),
            "version": "v2",
            "knowledge_base_id": os.environ.get("KNOWLEDGE_BASE_ID"),
        }
        try:
            data = heygen_call("new", body)["data"]
            heygen_call("start", {"session_id": data["session_id"]})
        except HeyGenError as e:
            resp.status = falcon.HTTP_502
            resp.media = {"error": str(e)}
            return
        resp.status = falcon.HTTP_201
        resp.media = {"session_id": data["session_id"], "livekit_url": data["url"], "livekit_token": data["access_token"]}

    def on_delete(self, req, resp, session_id):
        heygen_call("stop", {"session_id": session_id})
        resp.status = falcon.HTTP_204


class UtteranceResource:
    def on_post(self, req, resp, session_id):
        text = req.media.get("text")
        if not text:
            resp.status = falcon.HTTP_400
            resp.media = {"error": "text required"}
            return
        mode = "talk" if req.media.get("converse") else "repeat"
        out = heygen_call("task", {"session_id": session_id, "text": text, "task_type": mode})
        resp.media = {"task_id": out.get("data", {}).get("task_id")}


class InterruptResource:
    def on_post(self, req, resp, session_id):
        heygen_call("interrupt", {"session_id": session_id})
        resp.media = {"ok": True}
