import re


class URLPattern:
    def __init__(self, route, view, name=None):
        regex = re.sub(r"<(?:\w+:)?(\w+)>", r"(?P<\1>[^/]+)", route)
        self.regex = re.compile("^" + regex + "$")
        self.view = view
        self.name = name


def path(route, view, name=None):
    return URLPattern(route, view, name)
