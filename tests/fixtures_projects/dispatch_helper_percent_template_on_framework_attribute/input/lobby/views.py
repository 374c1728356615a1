from .helpers import call_streaming


def open_room(request):
    info = request.heygen.post("new", {"avatar_id": request.avatar_id, "version": "v2"})
    request.heygen.post("start", {"session_id": info["session_id"]})
    return {"session_id": info["session_id"], "url": info["url"], "token": info["access_token"]}


def say(request, sid, text):
    request.heygen.post("task", {"session_id": sid, "text": text, "task_type": "repeat"})


def close_room(request, sid):
    request.heygen.post("stop", {"session_id": sid})


def ping(sid):
    call_streaming("keep_alive", {"session_id": sid})


def unrelated(request):
    # another object's post(): not the HeyGen helper
    return request.mailer.post("start", {"to": "ops@example.com"})
