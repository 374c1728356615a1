"""Tiny stand-in for Sanic: `app.post(path)` decorators, handlers get (request) with .json."""


class Request:
    def __init__(self, body):
        self.json = body


def json(body, status=200):
    return {"status": status, "body": body}


class Sanic:
    def __init__(self, name):
        self.name = name
        self.handlers = {}
        self.ctx = type("Ctx", (), {})()

    def post(self, path):
        def deco(fn):
            self.handlers[path] = fn
            return fn

        return deco

    async def dispatch(self, path, body=None):
        return await self.handlers[path](Request(body or {}))
