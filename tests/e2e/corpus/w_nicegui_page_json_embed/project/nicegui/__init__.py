"""Offline stand-in for the slice of NiceGUI this page uses.

`ui.page(path)` registers a page builder; inside it `ui.button(text, on_click=...)`,
`ui.input(label)`, `ui.html(content)` and `ui.notify(...)` create elements; `app.storage.user`
is the per-browser storage. `nicegui.testing.User` opens a page and clicks/types like a user.
"""
from . import ui
from .storage import app

__all__ = ["app", "ui"]
