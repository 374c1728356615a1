import json

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import heygen

SESSION_KEY = "heygen"


def _json(request):
    try:
        return json.loads(request.body or b"{}")
    except ValueError:
        return {}


@require_POST
def start(request):
    """Open a session for this visitor; the page connects with livekit-client."""
    if request.session.get(SESSION_KEY):
        return JsonResponse({"error": "already started"}, status=409)
    try:
        token = heygen.create_token()
        info = heygen.new_session(token, settings.HEYGEN_AVATAR, settings.HEYGEN_QUALITY)
        heygen.start_session(token, info["session_id"])
    except heygen.HeyGenError as exc:
        return JsonResponse({"error": str(exc)}, status=502)
    request.session[SESSION_KEY] = {"id": info["session_id"], "token": token}
    return JsonResponse({"livekitUrl": info["url"], "livekitToken": info["access_token"]}, status=201)


@require_POST
def speak(request):
    state = request.session.get(SESSION_KEY)
    if not state:
        return JsonResponse({"error": "no session"}, status=409)
    text = (_json(request).get("text") or "").strip()
    if not text:
        return JsonResponse({"error": "empty"}, status=400)
    try:
        heygen.repeat(state["token"], state["id"], text)
    except heygen.HeyGenError as exc:
        return JsonResponse({"error": str(exc)}, status=502)
    return JsonResponse({"ok": True})


@require_POST
def end(request):
    state = request.session.pop(SESSION_KEY, None)
    if not state:
        return JsonResponse({"ok": True, "note": "nothing to end"})
    heygen.stop_session(state["token"], state["id"])
    return JsonResponse({"ok": True})
