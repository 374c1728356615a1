"""Offline stand-in for `azure.functions` (the v2 Python programming model), for local tests.

Deployed, the Functions host provides the real package.
"""
import enum
import json


class AuthLevel(str, enum.Enum):
    ANONYMOUS = "anonymous"
    FUNCTION = "function"
    ADMIN = "admin"


class HttpRequest:
    def __init__(self, method, url, headers=None, params=None, route_params=None, body=b""):
        self.method = method.upper()
        self.url = url
        self.headers = {k.lower(): v for k, v in (headers or {}).items()}
        self.params = dict(params or {})
        self.route_params = dict(route_params or {})
        self._body = body

    def get_body(self):
        return self._body

    def get_json(self):
        if not self._body:
            raise ValueError("HTTP request does not contain valid JSON data")
        return json.loads(self._body)


class HttpResponse:
    def __init__(self, body=None, status_code=200, headers=None, mimetype="text/plain", charset="utf-8"):
        self._body = body.encode(charset) if isinstance(body, str) else (body or b"")
        self.status_code = status_code
        self.headers = dict(headers or {})
        self.mimetype = mimetype

    def get_body(self):
        return self._body


class FunctionApp:
    def __init__(self, http_auth_level=AuthLevel.FUNCTION):
        self.http_auth_level = http_auth_level
        self.routes = {}

    def route(self, route, methods=None, auth_level=None):
        def register(fn):
            for method in methods or ["GET", "POST"]:
                self.routes[(method.upper(), route)] = fn
            return fn

        return register
