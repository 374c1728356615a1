"""Tiny offline stand-in for the parts of Gradio this app uses (Blocks, State, events)."""

import asyncio
import inspect

__version__ = "4.44.0-standin"


class Error(Exception):
    pass


class _Event:
    def __init__(self, fn, inputs, outputs, api_name):
        self.fn, self.inputs, self.outputs, self.api_name = fn, inputs, outputs, api_name


class Component:
    def __init__(self, value=None, label=None, **kwargs):
        self.value = value
        self.label = label
        self.kwargs = kwargs
        if Blocks.current is not None:
            Blocks.current.components.append(self)

    def _on(self, fn, inputs=None, outputs=None, api_name=None):
        event = _Event(fn, _as_list(inputs), _as_list(outputs), api_name or fn.__name__)
        Blocks.current.events[event.api_name] = event
        return event

    click = submit = change = _on


class State(Component):
    pass


class HTML(Component):
    pass


class Markdown(Component):
    pass


class Textbox(Component):
    pass


class Chatbot(Component):
    def __init__(self, value=None, **kwargs):
        super().__init__(value if value is not None else [], **kwargs)


class Radio(Component):
    def __init__(self, choices=(), value=None, **kwargs):
        super().__init__(value, **kwargs)
        self.choices = list(choices)


class Button(Component):
    def __init__(self, value=None, **kwargs):
        super().__init__(value, **kwargs)


class Row:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Blocks:
    current = None

    def __init__(self, title=None, **kwargs):
        self.title = title
        self.components = []
        self.events = {}

    def __enter__(self):
        Blocks.current = self
        return self

    def __exit__(self, *exc):
        Blocks.current = None
        return False

    def launch(self, **kwargs):
        print(f"* Running on local URL:  http://127.0.0.1:7860 ({self.title})")

    # What the browser does: fire an event with the inputs' current values.
    def fire(self, api_name, **typed):
        event = self.events[api_name]
        args = [typed.get(c.label, c.value) for c in event.inputs]
        result = event.fn(*args)
        if inspect.isawaitable(result):
            result = asyncio.run(result)
        if len(event.outputs) == 1:
            result = (result,)
        for component, value in zip(event.outputs, result or ()):
            component.value = value
        return result


def _as_list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]
