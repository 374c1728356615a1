import json


class HttpResponse:
    def __init__(self, content=b"", status=200, content_type="text/html"):
        self.content = content if isinstance(content, bytes) else str(content).encode()
        self.status_code = status
        self.content_type = content_type


class JsonResponse(HttpResponse):
    def __init__(self, data, status=200, safe=True):
        super().__init__(json.dumps(data), status=status, content_type="application/json")

    def json(self):
        return json.loads(self.content)


class Http404(Exception):
    pass


class HttpResponseNotAllowed(HttpResponse):
    def __init__(self, methods):
        super().__init__(b"", status=405)
