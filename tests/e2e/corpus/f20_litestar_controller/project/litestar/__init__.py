"""A small offline stand-in for the Litestar API our service uses (CI has no Litestar wheel).

Controller classes with route decorators, `Provide` dependencies, `State`, lifespan hooks,
and a synchronous TestClient. Handler parameters are injected by name: `state`, `data`
(JSON body, built into the annotated dataclass), path parameters, dependencies.
"""
import asyncio
import dataclasses
import inspect
import json
import re
import typing

__all__ = ["Controller", "Litestar", "Provide", "State", "get", "post", "delete"]


class State(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value


class Provide:
    def __init__(self, dependency):
        self.dependency = dependency


def _route(method, path, status_code=None):
    def mark(fn):
        fn.route = (method, path, status_code or (201 if method == "POST" else 200))
        return fn

    return mark


def get(path="/", **kw):
    return _route("GET", path, kw.get("status_code"))


def post(path="/", **kw):
    return _route("POST", path, kw.get("status_code"))


def delete(path="/", **kw):
    return _route("DELETE", path, kw.get("status_code") or 204)


class Controller:
    path = "/"
    dependencies: dict = {}


class Litestar:
    def __init__(self, route_handlers, on_startup=(), on_shutdown=(), dependencies=None):
        self.state = State()
        self.on_startup = list(on_startup)
        self.on_shutdown = list(on_shutdown)
        self.routes = []
        for controller in route_handlers:
            instance = controller()
            deps = {**(dependencies or {}), **controller.dependencies}
            for name, fn in inspect.getmembers(controller, inspect.isfunction):
                if hasattr(fn, "route"):
                    method, path, status = fn.route
                    full = (controller.path.rstrip("/") + "/" + path.strip("/")).rstrip("/") or "/"
                    pattern = re.sub(r"\{(\w+):\w+\}", r"(?P<\1>[^/]+)", full)
                    self.routes.append((method, re.compile(pattern + "$"), getattr(instance, name), deps, status))

    async def _call(self, method, path, body):
        for m, pattern, handler, deps, status in self.routes:
            match = pattern.match(path)
            if m != method or not match:
                continue
            hints = typing.get_type_hints(handler)
            kwargs = {}
            for pname in inspect.signature(handler).parameters:
                if pname == "state":
                    kwargs[pname] = self.state
                elif pname == "data":
                    cls = hints["data"]
                    kwargs[pname] = cls(**body) if dataclasses.is_dataclass(cls) else body
                elif pname in match.groupdict():
                    kwargs[pname] = match.group(pname)
                elif pname in deps:
                    value = deps[pname].dependency(self.state)
                    kwargs[pname] = await value if inspect.isawaitable(value) else value
            result = await handler(**kwargs)
            if dataclasses.is_dataclass(result):
                result = dataclasses.asdict(result)
            return status, result
        return 404, {"detail": "Not Found"}


class _Response:
    def __init__(self, status_code, payload):
        self.status_code = status_code
        self._payload = payload

    def json(self):
        return json.loads(json.dumps(self._payload))


class TestClient:
    __test__ = False

    def __init__(self, app):
        self.app = app
        self.loop = asyncio.new_event_loop()

    def __enter__(self):
        for hook in self.app.on_startup:
            self.loop.run_until_complete(hook(self.app))
        return self

    def __exit__(self, *exc):
        for hook in self.app.on_shutdown:
            self.loop.run_until_complete(hook(self.app))
        self.loop.close()

    def request(self, method, path, json=None):
        return _Response(*self.loop.run_until_complete(self.app._call(method, path, json or {})))

    def post(self, path, json=None):
        return self.request("POST", path, json)

    def get(self, path):
        return self.request("GET", path)

    def delete(self, path):
        return self.request("DELETE", path)
