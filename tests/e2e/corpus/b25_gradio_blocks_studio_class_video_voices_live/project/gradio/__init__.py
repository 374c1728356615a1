"""Offline stand-in for the slice of Gradio this app uses.

Components are plain objects; `Button.click(fn, inputs, outputs, api_name=...)` registers `fn`
as an API endpoint of the enclosing `Blocks`, which `Blocks.api(name, *values)` calls the way
`gradio_client.Client(...).predict(..., api_name="/name")` would (state threaded through).
"""

_current = []


class _Component:
    def __init__(self, value=None, label=None, **kwargs):
        self.value = value
        self.label = label
        if _current:
            _current[-1].components.append(self)


class State(_Component):
    pass


class Textbox(_Component):
    pass


class Dropdown(_Component):
    def __init__(self, choices=None, value=None, label=None, **kwargs):
        super().__init__(value=value, label=label)
        self.choices = choices or []


class HTML(_Component):
    pass


class Markdown(_Component):
    pass


class Radio(Dropdown):
    pass


class Button(_Component):
    def click(self, fn, inputs=None, outputs=None, api_name=None):
        _current[-1].endpoints[api_name or fn.__name__] = (fn, list(inputs or []), list(outputs or []))


class Row:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


Column = Row


class Blocks:
    def __init__(self, title=None, **kwargs):
        self.title = title
        self.components = []
        self.endpoints = {}
        self.values = {}

    def __enter__(self):
        _current.append(self)
        return self

    def __exit__(self, *exc):
        _current.pop()
        for component in self.components:
            self.values[id(component)] = component.value
        return False

    def api(self, name, **given):
        """Call an endpoint: inputs by label (state components keep their value)."""
        fn, inputs, outputs = self.endpoints[name]
        args = [given.get(c.label, self.values[id(c)]) for c in inputs]
        result = fn(*args)
        if len(outputs) == 1:
            result = (result,)
        for component, value in zip(outputs, result):
            self.values[id(component)] = value
        return {c.label or type(c).__name__: v for c, v in zip(outputs, result)}

    def launch(self, **kwargs):
        raise RuntimeError("no server in the offline stand-in")
