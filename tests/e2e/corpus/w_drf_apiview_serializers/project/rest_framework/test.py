"""APIRequestFactory-like requests, handed straight to a view."""
import json


class Request:
    def __init__(self, method, path, data):
        self.method = method
        self.path = path
        self.data = data or {}


class APIRequestFactory:
    def post(self, path, data=None, format="json"):
        if format == "json":
            data = json.loads(json.dumps(data or {}))
        return Request("POST", path, data)

    def delete(self, path, data=None, format="json"):
        return Request("DELETE", path, data)
