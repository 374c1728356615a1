"""A very small stand-in for tornado.web (enough for server.py and its tests)."""
import json
import re


class HTTPError(Exception):
    def __init__(self, status_code, log_message=""):
        super().__init__(log_message)
        self.status_code = status_code


class _Request:
    def __init__(self, method, path, body, headers):
        self.method = method
        self.path = path
        self.body = body
        self.headers = headers


class RequestHandler:
    def __init__(self, application, request):
        self.application = application
        self.request = request
        self.settings = application.settings
        self._status = 200
        self._chunks = []

    def set_status(self, code):
        self._status = code

    def write(self, chunk):
        self._chunks.append(chunk)

    def get_json_body(self):
        return json.loads(self.request.body or b"{}")


class Application:
    def __init__(self, handlers, **settings):
        self.handlers = [(re.compile(pattern + "$"), cls) for pattern, cls in handlers]
        self.settings = settings

    async def fetch(self, method, path, body=b"", headers=None):
        for pattern, cls in self.handlers:
            if pattern.match(path):
                handler = cls(self, _Request(method, path, body, headers or {}))
                try:
                    await getattr(handler, method.lower())()
                except HTTPError as err:
                    return err.status_code, {"error": str(err)}
                out = {}
                for chunk in handler._chunks:
                    out.update(chunk)
                return handler._status, out
        return 404, {"error": "not found"}
