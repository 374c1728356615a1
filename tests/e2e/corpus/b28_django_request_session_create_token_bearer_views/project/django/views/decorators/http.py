import functools

from django.http import HttpResponseNotAllowed


def require_http_methods(methods):
    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


require_POST = require_http_methods(["POST"])
require_GET = require_http_methods(["GET"])
