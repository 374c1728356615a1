"""Tiny offline stand-in for the parts of Falcon 3 this app uses."""
import re

HTTP_200 = "200 OK"
HTTP_201 = "201 Created"
HTTP_204 = "204 No Content"
HTTP_400 = "400 Bad Request"
HTTP_502 = "502 Bad Gateway"


class Request:
    def __init__(self, method, path, media):
        self.method = method
        self.path = path
        self.media = media or {}


class Response:
    def __init__(self):
        self.status = HTTP_200
        self.media = None


class App:
    def __init__(self):
        self._routes = []

    def add_route(self, template, resource):
        pattern = "^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$"
        self._routes.append((re.compile(pattern), resource))

    def handle(self, method, path, media=None):
        for pattern, resource in self._routes:
            m = pattern.match(path)
            if m:
                req, resp = Request(method, path, media), Response()
                getattr(resource, "on_" + method.lower())(req, resp, **m.groupdict())
                return resp
        raise LookupError(path)
