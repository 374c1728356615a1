from types import SimpleNamespace


class Widget:
    def __init__(self, **kwargs):
        self.ids = SimpleNamespace()
        for key, value in kwargs.items():
            setattr(self, key, value)


class Label(Widget):
    text = ""


class TextInput(Widget):
    text = ""
