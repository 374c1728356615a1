"""Just enough of Django's request/response objects for this app."""
import json


class Request:
    def __init__(self, method, path, body=b"", session=None):
        self.method = method
        self.path = path
        self.body = body
        self.session = session if session is not None else {}


class JsonResponse:
    def __init__(self, data, status=200):
        self.status_code = status
        self.content = json.dumps(data).encode()


class HttpResponseNotAllowed(JsonResponse):
    def __init__(self, allowed):
        super().__init__({"error": "method not allowed", "allowed": allowed}, status=405)
