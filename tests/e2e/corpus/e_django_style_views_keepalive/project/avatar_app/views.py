import json

from . import services, settings
from .http import HttpResponseNotAllowed, JsonResponse

SESSION_KEY = "heygen_session_id"


def start(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    data = services.create_session(settings.HEYGEN_AVATAR_ID)
    request.session[SESSION_KEY] = data["session_id"]
    services.start_heartbeat(data["session_id"])
    return JsonResponse({"url": data["url"], "token": data["access_token"]})


def say(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    session_id = request.session.get(SESSION_KEY)
    if not session_id:
        return JsonResponse({"error": "no session"}, status=400)
    text = json.loads(request.body or b"{}").get("text", "").strip()
    if not text:
        return JsonResponse({"error": "empty text"}, status=400)
    services.speak(session_id, text)
    return JsonResponse({"ok": True})


def interrupt(request):
    session_id = request.session.get(SESSION_KEY)
    if session_id:
        services.interrupt(session_id)
    return JsonResponse({"ok": True})


def close(request):
    session_id = request.session.pop(SESSION_KEY, None)
    closed = services.close_session(session_id) if session_id else False
    return JsonResponse({"closed": closed})
