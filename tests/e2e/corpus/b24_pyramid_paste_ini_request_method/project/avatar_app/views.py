import os

from pyramid.httpexceptions import HTTPBadGateway, HTTPBadRequest, HTTPNotFound
from pyramid.view import view_config

from .heygen import HeyGenStreamingError

OPEN = {}  # sid -> room handed to the screen


@view_config(route_name="sessions", request_method="POST", renderer="json")
def create_session(request):
    settings = request.registry.settings
    avatar_id = os.environ.get("AVATAR_ID") or settings["heygen.avatar_id"]
    try:
        info = request.heygen.post("new", {
            "avatar_id": avatar_id,
            "quality": settings.get("heygen.quality", "medium"),
            "version": "v2",
        })
        request.heygen.post("start", {"session_id": info["session_id"]})
    except HeyGenStreamingError as exc:
        raise HTTPBadGateway(str(exc))
    OPEN[info["session_id"]] = {"url": info["url"], "token": info["access_token"]}
    request.response_status = 201
    return {"session_id": info["session_id"], "url": info["url"], "token": info["access_token"]}


@view_config(route_name="speech", request_method="POST", renderer="json")
def speak(request):
    sid = request.matchdict["sid"]
    if sid not in OPEN:
        raise HTTPNotFound()
    text = request.json_body.get("text")
    if not text:
        raise HTTPBadRequest("text missing")
    data = request.heygen.post("task", {"session_id": sid, "text": text, "task_type": "repeat"})
    return {"task_id": data.get("task_id")}


@view_config(route_name="speech", request_method="DELETE", renderer="json")
def interrupt(request):
    sid = request.matchdict["sid"]
    if sid not in OPEN:
        raise HTTPNotFound()
    request.heygen.post("interrupt", {"session_id": sid})
    return {"interrupted": sid}


@view_config(route_name="session", request_method="GET", renderer="json")
def show_session(request):
    room = OPEN.get(request.matchdict["sid"])
    if room is None:
        raise HTTPNotFound()
    return room


@view_config(route_name="session", request_method="DELETE", renderer="json")
def close_session(request):
    sid = request.matchdict["sid"]
    if OPEN.pop(sid, None) is None:
        raise HTTPNotFound()
    request.heygen.post("stop", {"session_id": sid})
    return {"closed": sid}
