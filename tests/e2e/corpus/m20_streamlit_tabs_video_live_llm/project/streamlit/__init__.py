"""Offline stand-in for the slice of Streamlit this app uses (CI has no streamlit server).

The script reruns top to bottom on every interaction; `clicked` names the buttons pressed in
this run, `inputs` the widgets' values, `output` what the page shows.
"""
import contextlib
import os


class _State(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value

    def __delattr__(self, name):
        self.pop(name, None)


class _Secrets(dict):
    def __missing__(self, key):
        return os.environ[key]

    def get(self, key, default=None):
        return os.environ.get(key, default)


session_state = _State()
secrets = _Secrets()
clicked = set()
inputs = {}
output = []


def set_page_config(**kwargs):
    pass


def _show(kind):
    def show(body, *args, **kwargs):
        output.append((kind, body))

    return show


title = _show("title")
header = _show("header")
subheader = _show("subheader")
write = _show("write")
markdown = _show("markdown")
caption = _show("caption")
success = _show("success")
info = _show("info")
warning = _show("warning")
error = _show("error")
json = _show("json")
video = _show("video")


def text_input(label, value="", key=None, **kwargs):
    return inputs.get(key or label, value)


text_area = text_input


def selectbox(label, options, index=0, key=None, **kwargs):
    return inputs.get(key or label, list(options)[index] if options else None)


def checkbox(label, value=False, key=None, **kwargs):
    return inputs.get(key or label, value)


def button(label, key=None, **kwargs):
    return (key or label) in clicked


class _Block:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def tabs(labels):
    return [_Block() for _ in labels]


def columns(n):
    return [_Block() for _ in range(n if isinstance(n, int) else len(n))]


sidebar = _Block()


@contextlib.contextmanager
def spinner(text=""):
    yield


def cache_data(func=None, **kwargs):
    if func is None:
        return lambda f: f
    return func


def rerun():
    pass
