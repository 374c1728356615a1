import importlib
import json

from django.conf import settings
from django.http import Http404, JsonResponse


class _Request:
    def __init__(self, method, path, body=b"", content_type=None):
        self.method = method
        self.path = path
        self.body = body
        self.content_type = content_type
        self.GET = {}


class Client:
    def _dispatch(self, method, path, body=b"", content_type=None):
        urls = importlib.import_module(settings.ROOT_URLCONF)
        for pattern in urls.urlpatterns:
            match = pattern.regex.match(path.lstrip("/"))
            if match:
                try:
                    return pattern.view(_Request(method, path, body, content_type), **match.groupdict())
                except Http404:
                    return JsonResponse({"detail": "not found"}, status=404)
        return JsonResponse({"detail": "no route"}, status=404)

    def get(self, path):
        return self._dispatch("GET", path)

    def post(self, path, data=None, content_type="application/json"):
        body = json.dumps(data or {}).encode() if content_type == "application/json" else data
        return self._dispatch("POST", path, body, content_type)
