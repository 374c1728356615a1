import inspect

from . import ui


class User:
    """Opens a page and interacts with it by the visible texts, as a person would."""

    def __init__(self):
        self.elements = []

    async def open(self, path):
        self.elements = await ui._build(path)

    def find(self, text):
        for element in self.elements:
            if getattr(element, "text", None) == text or getattr(element, "label", None) == text:
                return element
        raise LookupError(text)

    async def click(self, text):
        handler = self.find(text).on_click
        result = handler()
        if inspect.isawaitable(result):
            await result

    def type(self, label, value):
        self.find(label).value = value

    def html(self):
        return "".join(e.content for e in self.elements if isinstance(e, ui.html))
