"""Tiny offline stand-in for the parts of CherryPy 18 this app uses.

`@cherrypy.expose` handlers on a root object, `tools.json_in()` / `tools.json_out()`,
`cherrypy.request.json`, `cherrypy.session` (per client, kept between requests) and
`cherrypy.HTTPError`. `cherrypy.tree.mount(root)` returns an app with a `handle()` method
standing in for the HTTP server.
"""
import functools
import json
import threading

_local = threading.local()
_sessions = {}


class HTTPError(Exception):
    def __init__(self, status=500, message=None):
        super().__init__(message)
        self.status = status
        self.message = message


def expose(func):
    func.exposed = True
    return func


class _Tools:
    @staticmethod
    def json_in():
        def decorate(func):
            func._json_in = True
            return func

        return decorate

    @staticmethod
    def json_out():
        def decorate(func):
            @functools.wraps(func)
            def wrapper(*a, **k):
                return json.dumps(func(*a, **k))

            wrapper.exposed = getattr(func, "exposed", False)
            wrapper._json_in = getattr(func, "_json_in", False)
            return wrapper

        return decorate


tools = _Tools()


class _Request:
    @property
    def json(self):
        return _local.json

    @property
    def method(self):
        return _local.method


class _Session:
    def _data(self):
        return _sessions.setdefault(_local.session_id, {})

    def __getitem__(self, key):
        return self._data()[key]

    def __setitem__(self, key, value):
        self._data()[key] = value

    def get(self, key, default=None):
        return self._data().get(key, default)

    def pop(self, key, default=None):
        return self._data().pop(key, default)


request = _Request()
session = _Session()
config = {}


class _App:
    def __init__(self, root, config):
        self.root = root
        self.config = config or {}

    def handle(self, method, path, body=None, session_id="browser-1"):
        """One request: returns (status, parsed JSON body)."""
        _local.method = method
        _local.json = body
        _local.session_id = session_id
        parts = [p for p in path.split("/") if p]
        handler = getattr(self.root, parts[0] if parts else "index", None)
        if handler is None or not getattr(handler, "exposed", False):
            return 404, None
        try:
            return 200, json.loads(handler(*parts[1:]))
        except HTTPError as err:
            return err.status, {"error": err.message}


class _Tree:
    def mount(self, root, script_name="", config=None):
        return _App(root, config)


tree = _Tree()
