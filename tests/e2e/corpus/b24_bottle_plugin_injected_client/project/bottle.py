"""Tiny offline stand-in for the parts of Bottle 0.12 this app uses (WSGI, routes, plugins)."""
import inspect
import json
import re
import threading

_local = threading.local()


class HTTPError(Exception):
    def __init__(self, status=500, body=None):
        super().__init__(body)
        self.status = status
        self.body = body


def abort(code=500, text="Unknown Error."):
    raise HTTPError(code, text)


class _Request:
    @property
    def json(self):
        raw = _local.body
        return json.loads(raw) if raw else None

    @property
    def method(self):
        return _local.method


class _Response:
    @property
    def status(self):
        return _local.status

    @status.setter
    def status(self, value):
        _local.status = value


request = _Request()
response = _Response()


class ConfigDict(dict):
    def update(self, *a, **ka):
        if a and isinstance(a[0], str):
            prefix = a[0].strip(".") + "."
            a = a[1:]
            ka = {prefix + k: v for k, v in ka.items()}
        super().update(*a, **ka)


class Route:
    def __init__(self, rule, method, callback):
        self.rule = rule
        self.method = method
        self.callback = callback
        pattern = re.sub(r"<(\w+)>", r"(?P<\1>[^/]+)", rule)
        self.regex = re.compile("^" + pattern + "$")

    def get_undecorated_callback(self):
        return self.callback


class Bottle:
    def __init__(self):
        self.routes = []
        self.plugins = []
        self.config = ConfigDict()

    def install(self, plugin):
        if hasattr(plugin, "setup"):
            plugin.setup(self)
        self.plugins.append(plugin)
        return plugin

    def route(self, path, method="GET"):
        def decorator(callback):
            self.routes.append(Route(path, method, callback))
            return callback

        return decorator

    def get(self, path):
        return self.route(path, "GET")

    def post(self, path):
        return self.route(path, "POST")

    def delete(self, path):
        return self.route(path, "DELETE")

    def _handle(self, method, path):
        for route in self.routes:
            m = route.regex.match(path)
            if m and route.method == method:
                callback = route.callback
                for plugin in reversed(self.plugins):
                    callback = plugin.apply(callback, route)
                return callback(**m.groupdict())
        raise HTTPError(404, "Not found: " + path)

    def __call__(self, environ, start_response):
        _local.method = environ["REQUEST_METHOD"]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        _local.body = environ["wsgi.input"].read(length) if length else b""
        _local.status = 200
        try:
            out = self._handle(_local.method, environ["PATH_INFO"])
        except HTTPError as err:
            _local.status = err.status
            out = {"error": err.body}
        status = _local.status
        if isinstance(out, dict):
            payload = json.dumps(out).encode()
            headers = [("Content-Type", "application/json")]
        else:
            payload = (out or "").encode()
            headers = [("Content-Type", "text/html; charset=UTF-8")]
        start_response(f"{status} X", headers)
        return [payload]


def default_app_signature(callback):
    return inspect.signature(callback)
