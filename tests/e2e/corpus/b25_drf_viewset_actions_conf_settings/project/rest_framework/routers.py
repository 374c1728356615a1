import re

from .exceptions import APIException

_STANDARD = {
    (False, "get"): "list",
    (False, "post"): "create",
    (True, "get"): "retrieve",
    (True, "delete"): "destroy",
}


class DefaultRouter:
    def __init__(self):
        self.routes = []

    def register(self, prefix, viewset, basename=None):
        for (detail, method), name in _STANDARD.items():
            if hasattr(viewset, name):
                self._add(prefix, viewset, detail, method, name, None)
        for name in dir(viewset):
            func = getattr(viewset, name)
            if hasattr(func, "mapping"):
                for method in func.mapping:
                    self._add(prefix, viewset, func.detail, method, name, func.url_path)

    def _add(self, prefix, viewset, detail, method, name, extra):
        pattern = f"^{prefix}/"
        if detail:
            pattern += rf"(?P<{viewset.lookup_field}>[^/]+)/"
        if extra:
            pattern += extra + "/"
        self.routes.append((re.compile(pattern + "$"), method, viewset, name))

    def resolve(self, method, path):
        for regex, route_method, viewset, name in self.routes:
            match = regex.match(path.lstrip("/"))
            if match and route_method == method:
                return viewset, name, match.groupdict()
        return None

    @property
    def urls(self):
        return self
