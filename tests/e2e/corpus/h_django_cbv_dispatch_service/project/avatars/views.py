import json
from dataclasses import dataclass, field

from . import services


@dataclass
class Request:
    method: str
    body: bytes = b""
    session: dict = field(default_factory=dict)


class JsonResponse:
    def __init__(self, data, status=200):
        self.status_code = status
        self.content = json.dumps(data).encode()


class View:
    http_method_names = ("get", "post", "delete")

    @classmethod
    def as_view(cls):
        def view(request, *args, **kwargs):
            handler = getattr(cls(), request.method.lower(), None)
            if handler is None:
                return JsonResponse({"detail": "method not allowed"}, status=405)
            return handler(request, *args, **kwargs)

        return view


class SessionView(View):
    def post(self, request):
        try:
            room = services.open_session()
        except services.StreamingError as exc:
            return JsonResponse({"detail": f"could not open avatar session ({exc})"}, status=502)
        request.session["heygen_session"] = room["session_id"]
        return JsonResponse(room, status=201)

    def delete(self, request):
        session_id = request.session.pop("heygen_session", None)
        if session_id is None:
            return JsonResponse({"closed": False}, status=404)
        services.end_session(session_id)
        return JsonResponse({"closed": True})


class SayView(View):
    def post(self, request):
        payload = json.loads(request.body or b"{}")
        result = services.say(request.session["heygen_session"], payload["text"])
        return JsonResponse({"task_id": result["task_id"]})


class InterruptView(View):
    def post(self, request):
        services.interrupt(request.session["heygen_session"])
        return JsonResponse({"ok": True})
