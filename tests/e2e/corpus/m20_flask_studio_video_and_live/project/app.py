import logging
import os

from flask import Flask, abort, jsonify, request

from studio.config import load_config
from studio.heygen import HeyGenError, HeyGenService

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
log = logging.getLogger("studio")

app = Flask(__name__)
cfg = load_config()
app.config["DEBUG"] = cfg.get("app", {}).get("debug", False)

heygen = HeyGenService()

# video_id -> status dict, filled by the webhook
VIDEOS = {}
# session_id -> the whole streaming response (we show the room to the operator page later)
LIVE = {}

ALLOWED_TASK_TYPES = ("repeat", "talk", "chat")


@app.errorhandler(HeyGenError)
def heygen_failed(err):
    log.error("heygen error: %s", err)
    return jsonify({"error": str(err)}), 502


@app.get("/api/voices")
def voices():
    return jsonify([{"id": v["voice_id"], "name": v.get("name")} for v in heygen.list_voices()])


@app.post("/api/videos")
def create_video():
    data = request.get_json(force=True)
    video_id = heygen.generate_video(data["title"], data["script"], voice_id=data.get("voice_id"))
    VIDEOS[video_id] = {"status": "pending", "title": data["title"]}
    return jsonify({"video_id": video_id}), 202


@app.get("/api/videos/<video_id>")
def get_video(video_id):
    if video_id not in VIDEOS:
        abort(404)
    if VIDEOS[video_id]["status"] == "pending":
        VIDEOS[video_id].update(heygen.video_status(video_id))
    return jsonify(VIDEOS[video_id])


@app.post("/webhooks/heygen")
def heygen_webhook():
    if not heygen.verify_webhook(request.get_data(), request.headers.get("X-Signature", "")):
        abort(401)
    event = request.get_json(force=True)
    if event.get("event_type") == "avatar_video.success":
        vid = event["event_data"]["video_id"]
        VIDEOS.setdefault(vid, {}).update(status="completed", video_url=event["event_data"].get("url"))
    return "", 204


@app.post("/api/live")
def live_start():
    opts = request.get_json(silent=True) or {}
    resp = heygen.start_live(opts.get("avatar_id"), with_knowledge=opts.get("knowledge", True))
    sid = resp["data"]["session_id"]
    LIVE[sid] = resp
    return jsonify({"session_id": sid}), 201


@app.get("/api/live/<sid>/room")
def live_room(sid):
    # the operator page polls this and connects with livekit-client
    resp = LIVE.get(sid) or abort(404)
    return jsonify({"url": resp["data"]["url"], "token": resp["data"]["access_token"]})


@app.post("/api/live/<sid>/say")
def live_say(sid):
    if sid not in LIVE:
        abort(404)
    body = request.get_json(force=True)
    task_type = body.get("task_type", "repeat")
    if task_type not in ALLOWED_TASK_TYPES:
        return jsonify({"error": "bad task_type"}), 400
    if body.get("interrupt"):
        heygen.interrupt(sid)
    task_id = heygen.say(sid, body["text"], task_type=task_type)
    return jsonify({"task_id": task_id})


@app.delete("/api/live/<sid>")
def live_stop(sid):
    if LIVE.pop(sid, None) is None:
        abort(404)
    return jsonify({"stopped": heygen.stop_live(sid)})


if __name__ == "__main__":
    app.run(port=int(os.environ.get("PORT", 5000)))
