import json

from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import services

CACHE_KEY = "avatar-session:{}"


@csrf_exempt
@require_POST
def create_session(request):
    data = services.new_session()
    services.start_session(data["session_id"])
    cache.set(CACHE_KEY.format(data["session_id"]), {"url": data["url"], "token": data["access_token"]}, timeout=3600)
    return JsonResponse({"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}, status=201)


def _known(session_id):
    if cache.get(CACHE_KEY.format(session_id)) is None:
        raise Http404("unknown session")


@csrf_exempt
@require_POST
def send_task(request, session_id):
    _known(session_id)
    body = json.loads(request.body or b"{}")
    text = body.get("text", "").strip()
    if not text:
        return JsonResponse({"error": "text is required"}, status=400)
    task_id = services.task(session_id, text, body.get("task_type", "repeat"))
    return JsonResponse({"task_id": task_id})


@csrf_exempt
@require_POST
def interrupt(request, session_id):
    _known(session_id)
    services.interrupt(session_id)
    return JsonResponse({"ok": True})


@csrf_exempt
@require_POST
def stop_session(request, session_id):
    _known(session_id)
    services.stop(session_id)
    cache.delete(CACHE_KEY.format(session_id))
    return JsonResponse({"ok": True})
