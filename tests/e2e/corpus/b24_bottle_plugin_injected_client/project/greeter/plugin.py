"""Bottle plugin handing a shared HeyGen client to every route that asks for `heygen`.

Written like bottle-sqlite: routes declare a `heygen` parameter and get the client injected.
"""
import functools
import inspect

from .heygen import HeyGen


class HeyGenPlugin:
    name = "heygen"
    api = 2

    def __init__(self, keyword="heygen"):
        self.keyword = keyword
        self.client = None

    def setup(self, app):
        conf = app.config
        self.client = HeyGen(
            conf["heygen.api_key"],
            api_root=conf.get("heygen.api_root", "https://api.heygen.com/v1"),
            timeout=int(conf.get("heygen.timeout", 20)),
        )

    def apply(self, callback, route):
        params = inspect.signature(route.get_undecorated_callback()).parameters
        if self.keyword not in params:
            return callback

        @functools.wraps(callback)
        def wrapper(*args, **kwargs):
            kwargs[self.keyword] = self.client
            return callback(*args, **kwargs)

        return wrapper

    def close(self):
        if self.client is not None:
            self.client.close()
