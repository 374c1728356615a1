import importlib
import json

from django.conf import settings
from django.http import Http404, JsonResponse


class _Request:
    def __init__(self, method, path, body=b"", content_type=None, session=None):
        self.method = method
        self.path = path
        self.body = body
        self.content_type = content_type
        self.GET = {}
        self.session = session if session is not None else {}


class Client:
    """Keeps one session (cookie) across requests, like Django's test client."""

    def __init__(self):
        self.session = {}

    def _dispatch(self, method, path, body=b"", content_type=None):
        urls = importlib.import_module(settings.ROOT_URLCONF)
        for pattern in urls.urlpatterns:
            match = pattern.regex.match(path.lstrip("/"))
            if match:
                request = _Request(method, path, body, content_type, self.session)
                try:
                    return pattern.view(request, **match.groupdict())
                except Http404:
                    return JsonResponse({"detail": "not found"}, status=404)
        return JsonResponse({"detail": "no route"}, status=404)

    def get(self, path):
        return self._dispatch("GET", path)

    def post(self, path, data=None, content_type="application/json"):
        body = json.dumps(data or {}).encode() if content_type == "application/json" else data
        return self._dispatch("POST", path, body, content_type)
