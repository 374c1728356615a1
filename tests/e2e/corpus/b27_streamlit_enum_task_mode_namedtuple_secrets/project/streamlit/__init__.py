"""Offline stand-in for the slice of Streamlit used here: each driver `rerun` runs app.py top to
bottom with the widgets' values in `inputs` and the pressed buttons in `clicked`."""
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
        del self[name]


class _Secrets(dict):
    """secrets.toml as Streamlit Cloud gives it; here the environment."""

    def __missing__(self, key):
        return os.environ[key]


session_state = _State()
secrets = _Secrets()
clicked = set()
inputs = {}
output = []


def title(text):
    output.append(("title", text))


def write(*parts):
    output.append(("write", " ".join(map(str, parts))))


def error(text):
    output.append(("error", text))


def toast(text):
    output.append(("toast", text))


def text_area(label, key=None, value=""):
    return inputs.get(key or label, value)


def radio(label, options, key=None, index=0, format_func=str, horizontal=False):
    chosen = inputs.get(key or label)
    return options[index] if chosen is None else next(o for o in options if format_func(o) == chosen)


def button(label, key=None, type="secondary", disabled=False):
    return not disabled and (key or label) in clicked


class _Sidebar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


sidebar = _Sidebar()


def rerun():
    pass
