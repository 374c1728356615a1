import json


class _Request:
    def __init__(self, method, path, data):
        self.method = method.upper()
        self.path = path
        self.data = json.loads(json.dumps(data or {}))


class APIClient:
    """Dispatches to the router's viewsets in process, like DRF's test client on a URLconf."""

    def __init__(self, urls):
        self.urls = urls

    def _call(self, method, path, data=None):
        found = self.urls.resolve(method, path)
        if found is None:
            from .response import Response
            return Response({"detail": "Not found."}, status=404)
        viewset, name, kwargs = found
        request = _Request(method, path, data)
        view = viewset(request, name)
        from .exceptions import APIException
        try:
            return getattr(view, name)(request, **kwargs)
        except APIException as exc:
            return view.handle_exception(exc)

    def get(self, path):
        return self._call("get", path)

    def post(self, path, data=None, format="json"):
        return self._call("post", path, data)

    def delete(self, path):
        return self._call("delete", path)
