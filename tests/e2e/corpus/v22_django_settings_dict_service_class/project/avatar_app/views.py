import json

from .services import heygen
from .http import HttpResponseNotAllowed, JsonResponse

SESSION_KEY = "heygen_session_id"


def start(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    room = heygen.create_session()
    request.session[SESSION_KEY] = room.session_id
    heygen.start_heartbeat(room.session_id)
    return JsonResponse({"url": room.url, "token": room.access_token})


def say(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    session_id = request.session.get(SESSION_KEY)
    if not session_id:
        return JsonResponse({"error": "no session"}, status=400)
    text = json.loads(request.body or b"{}").get("text", "").strip()
    if not text:
        return JsonResponse({"error": "empty text"}, status=400)
    heygen.speak(session_id, text)
    return JsonResponse({"ok": True})


def interrupt(request):
    session_id = request.session.get(SESSION_KEY)
    if session_id:
        heygen.interrupt(session_id)
    return JsonResponse({"ok": True})


def close(request):
    session_id = request.session.pop(SESSION_KEY, None)
    closed = heygen.close_session(session_id) if session_id else False
    return JsonResponse({"closed": closed})
