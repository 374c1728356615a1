"""Offline stand-in for the slice of ipywidgets the notebook uses: widgets keep their values,
buttons keep their handlers; ``click()`` runs them like a user's click."""

registry = {}


class _Widget:
    def __init__(self, value=None, description="", **kwargs):
        self.value = value
        self.description = description
        self.kwargs = kwargs
        registry[description] = self


class Text(_Widget):
    pass


class Textarea(_Widget):
    pass


class Dropdown(_Widget):
    def __init__(self, options=(), value=None, description="", **kwargs):
        super().__init__(value if value is not None else list(options)[0], description, **kwargs)
        self.options = list(options)


class HTML(_Widget):
    pass


class Label(_Widget):
    pass


class Button(_Widget):
    def __init__(self, description="", **kwargs):
        super().__init__(None, description, **kwargs)
        self._handlers = []

    def on_click(self, handler):
        self._handlers.append(handler)

    def click(self):
        for handler in self._handlers:
            handler(self)


class HBox(_Widget):
    def __init__(self, children=(), **kwargs):
        self.children = list(children)


class VBox(HBox):
    pass


class Output(_Widget):
    def __init__(self, **kwargs):
        super().__init__(None, "", **kwargs)
        self.lines = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def clear_output(self):
        self.lines.clear()
