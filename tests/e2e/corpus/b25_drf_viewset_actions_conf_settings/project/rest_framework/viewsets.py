from .exceptions import APIException
from .response import Response


class ViewSet:
    lookup_field = "pk"

    def __init__(self, request, action):
        self.request = request
        self.action = action

    def handle_exception(self, exc):
        return Response({"detail": exc.detail}, status=exc.status_code)
