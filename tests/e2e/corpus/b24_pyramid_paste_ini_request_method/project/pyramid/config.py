import importlib
import json
import re

from .httpexceptions import HTTPException
from .view import _registered


class _Registry:
    def __init__(self, settings):
        self.settings = settings


class Request:
    def __init__(self, environ, registry, methods):
        self.environ = environ
        self.method = environ["REQUEST_METHOD"]
        self.path = environ["PATH_INFO"]
        self.registry = registry
        self.matchdict = {}
        self.response_status = 200
        length = int(environ.get("CONTENT_LENGTH") or 0)
        self.body = environ["wsgi.input"].read(length) if length else b""
        self._methods = methods
        self._reified = {}

    @property
    def json_body(self):
        return json.loads(self.body)

    def __getattr__(self, name):
        if name.startswith("_") or name not in self._methods:
            raise AttributeError(name)
        function, reify = self._methods[name]
        if not reify:
            return lambda *a, **k: function(self, *a, **k)
        if name not in self._reified:
            self._reified[name] = function(self)
        return self._reified[name]


class Configurator:
    def __init__(self, settings=None):
        self.registry = _Registry(dict(settings or {}))
        self._routes = []
        self._views = []
        self._methods = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def add_route(self, name, pattern):
        regex = "^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern) + "$"
        self._routes.append((name, re.compile(regex)))

    def add_view(self, view, route_name, request_method="GET", renderer=None):
        self._views.append((route_name, request_method, view))

    def add_request_method(self, callable, name, reify=False):
        self._methods[name] = (callable, reify)

    def scan(self, package):
        module = importlib.import_module(package)
        for wrapped, settings in _registered:
            if wrapped.__module__.startswith(module.__name__):
                self.add_view(wrapped, **settings)

    def make_wsgi_app(self):
        registry, routes, views, methods = self.registry, self._routes, self._views, self._methods

        def app(environ, start_response):
            request = Request(environ, registry, methods)
            for name, regex in routes:
                match = regex.match(request.path)
                if not match:
                    continue
                for route_name, method, view in views:
                    if route_name == name and method == request.method:
                        request.matchdict = match.groupdict()
                        try:
                            result = view(request)
                            status = request.response_status
                        except HTTPException as exc:
                            result, status = {"error": exc.title, "detail": exc.detail}, exc.code
                        start_response(f"{status} X", [("Content-Type", "application/json")])
                        return [json.dumps(result).encode()]
            start_response("404 Not Found", [("Content-Type", "application/json")])
            return [b'{"error": "Not Found"}']

        return app
