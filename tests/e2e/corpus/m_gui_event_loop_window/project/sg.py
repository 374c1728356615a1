"""Tiny stand-in for PySimpleGUI (the bits this app uses) so it runs headless."""

SCRIPT: list = []  # (event, values) pairs the "user" produces, in order
WIN_CLOSED = None
shown: list = []
on_update = None  # a callback (key, value): what other windows/widgets do with a shown value


class Window:
    def __init__(self, title, layout, **kwargs):
        self.title = title
        self.elements = {}

    def read(self, timeout=None):
        if not SCRIPT:
            return WIN_CLOSED, {}
        return SCRIPT.pop(0)

    def __getitem__(self, key):
        return self.elements.setdefault(key, Element(key))

    def close(self):
        shown.append(("closed", self.title))


class Element:
    def __init__(self, key):
        self.key = key
        self.value = None

    def update(self, value=None, **kwargs):
        self.value = value
        shown.append((self.key, value))
        if on_update is not None:
            on_update(self.key, value)


def Text(*args, **kwargs):
    return ("Text", args, kwargs)


def Input(*args, **kwargs):
    return ("Input", args, kwargs)


def Button(*args, **kwargs):
    return ("Button", args, kwargs)


def Multiline(*args, **kwargs):
    return ("Multiline", args, kwargs)


def popup_error(*args, **kwargs):
    shown.append(("popup_error", " ".join(map(str, args))))
