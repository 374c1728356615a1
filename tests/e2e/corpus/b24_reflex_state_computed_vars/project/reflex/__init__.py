"""Tiny offline stand-in for the parts of Reflex this app uses (`import reflex as rx`).

The real framework runs event handlers on the server when the browser fires an event and
sends the state's vars (computed ones included) back to the page.
"""
import copy


class var:  # noqa: N801  (reflex spells it rx.var)
    def __init__(self, fget):
        self.fget = fget
        self.__doc__ = fget.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return self.fget(obj)


class State:
    def __init__(self):
        for klass in reversed(type(self).__mro__):
            for name, value in vars(klass).items():
                if name.startswith("_") or callable(value) or isinstance(value, (var, property)):
                    continue
                setattr(self, name, copy.deepcopy(value))

    def dict(self):
        out = {}
        for name in dir(type(self)):
            if name.startswith("_") or name == "dict":
                continue
            value = getattr(self, name)
            if not callable(value):
                out[name] = value
        return out


def _component(kind):
    def build(*children, **props):
        return {"type": kind, "children": list(children), "props": props}

    return build


vstack = _component("VStack")
hstack = _component("HStack")
heading = _component("Heading")
button = _component("Button")
input = _component("Input")  # noqa: A001
text = _component("Text")
html = _component("Html")
foreach = _component("Foreach")


class App:
    def __init__(self, **options):
        self.pages = {}

    def add_page(self, component, route="/", title=None):
        self.pages[route] = component
