"""Offline stand-in for the few ipywidgets this notebook uses (`.click()` plays a user's click)."""


class Widget:
    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)


class Button(Widget):
    def __init__(self, description="", **kwargs):
        super().__init__(description=description, **kwargs)
        self._handlers = []

    def on_click(self, callback):
        self._handlers.append(callback)

    def click(self):
        for callback in self._handlers:
            callback(self)


class Text(Widget):
    def __init__(self, value="", placeholder="", description="", **kwargs):
        super().__init__(value=value, placeholder=placeholder, description=description, **kwargs)


class HTML(Widget):
    def __init__(self, value="", **kwargs):
        super().__init__(value=value, **kwargs)


class Output(Widget):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.outputs = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def clear_output(self):
        self.outputs.clear()


class HBox(Widget):
    def __init__(self, children=(), **kwargs):
        super().__init__(children=list(children), **kwargs)


class VBox(HBox):
    pass
