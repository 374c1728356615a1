import inspect

_pages = {}
_current = []
notifications = []


class Element:
    def __init__(self):
        if _current:
            _current[-1].append(self)


class button(Element):
    def __init__(self, text, on_click=None):
        super().__init__()
        self.text = text
        self.on_click = on_click


class input(Element):
    def __init__(self, label="", value=""):
        super().__init__()
        self.label = label
        self.value = value


class html(Element):
    def __init__(self, content=""):
        super().__init__()
        self.content = content

    def set_content(self, content):
        self.content = content


class label(Element):
    def __init__(self, text=""):
        super().__init__()
        self.text = text

    def set_text(self, text):
        self.text = text


def notify(message, type=None):
    notifications.append((type or "info", message))


def page(path):
    def register(fn):
        _pages[path] = fn
        return fn

    return register


def run(**kwargs):
    raise SystemExit("offline stand-in: use nicegui.testing.User")


async def _build(path):
    elements = []
    _current.append(elements)
    try:
        result = _pages[path]()
        if inspect.isawaitable(result):
            await result
    finally:
        _current.pop()
    return elements
