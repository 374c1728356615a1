"""Tiny stand-in for Quart: async route handlers, request.get_json(), jsonify, test_client."""
import asyncio


class _Request:
    def __init__(self, body):
        self._body = body

    async def get_json(self):
        return self._body


request = None


def jsonify(obj=None, **kw):
    return obj if obj is not None else kw


class Quart:
    def __init__(self, name):
        self.routes = {}

    def route(self, path, methods=("GET",)):
        def deco(fn):
            for m in methods:
                self.routes[(m, path)] = fn
            return fn

        return deco

    def test_client(self):
        app = self

        class Client:
            async def post(self, path, json=None):
                global request
                request = _Request(json or {})
                globals()["request"] = request
                fn = app.routes[("POST", path)]
                return await fn()

        return Client()


def run(coro):
    return asyncio.run(coro)
