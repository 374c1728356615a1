import contextlib

from .widgets import Button

ComposeResult = object


class _Pilot:
    def __init__(self, app):
        self.app = app

    async def click(self, selector):
        widget = self.app.query_one(selector)
        if isinstance(widget, Button):
            await self.app.on_button_pressed(Button.Pressed(widget))

    async def pause(self):
        return None


class App:
    TITLE = "Textual"
    CSS = ""

    def __init__(self):
        self._widgets = []

    def query_one(self, selector, expect_type=None):
        wanted = selector.lstrip("#")
        for widget in self._widgets:
            if widget.id == wanted:
                return widget
        raise LookupError(selector)

    def notify(self, message, severity="information"):
        print(f"[{severity}] {message}")

    def exit(self, result=None):
        self._result = result

    @contextlib.asynccontextmanager
    async def run_test(self):
        self._widgets = list(self.compose())
        if hasattr(self, "on_mount"):
            await self.on_mount()
        try:
            yield _Pilot(self)
        finally:
            if hasattr(self, "on_unmount"):
                await self.on_unmount()

    def run(self):
        raise SystemExit("the stand-in has no terminal; use run_test()")
