from .exceptions import APIException
from .response import Response


class APIView:
    http_method_names = ["get", "post", "put", "patch", "delete"]

    @classmethod
    def as_view(cls, **initkwargs):
        def view(request, *args, **kwargs):
            self = cls(**initkwargs)
            return self.dispatch(request, *args, **kwargs)

        view.cls = cls
        return view

    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)

    def dispatch(self, request, *args, **kwargs):
        handler = getattr(self, request.method.lower(), None)
        if handler is None:
            return Response({"detail": "Method not allowed."}, status=405)
        try:
            return handler(request, *args, **kwargs)
        except APIException as exc:
            return self.handle_exception(exc)

    def handle_exception(self, exc):
        detail = exc.detail if isinstance(exc.detail, dict) else {"detail": exc.detail}
        return Response(detail, status=exc.status_code)
