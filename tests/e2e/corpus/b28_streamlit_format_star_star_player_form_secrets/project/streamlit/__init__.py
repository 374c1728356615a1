"""Offline stand-in for the slice of Streamlit this app uses.

The script reruns top to bottom on every interaction (the driver calls `rerun`); `clicked`
names the buttons pressed in this run, `inputs` holds the widgets' values, `output` what the
page shows.
"""
import os


class _SessionState(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value


class _Secrets(dict):
    """The app's secrets as set in the deployment's settings (Streamlit Community Cloud):
    here, the process environment."""

    def __missing__(self, key):
        return os.environ[key]

    def get(self, key, default=None):
        return os.environ.get(key, default)


session_state = _SessionState()
secrets = _Secrets()
clicked = set()
inputs = {}
output = []


def set_page_config(**kwargs):
    pass


def title(text):
    output.append(("title", text))


def caption(text):
    output.append(("caption", text))


def text_input(label, key=None, value=""):
    return inputs.get(key or label, value)


def button(label, key=None, **kwargs):
    return (key or label) in clicked


def columns(n):
    return [_Column() for _ in range(n)]


class _Column:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def success(text):
    output.append(("success", text))


def error(text):
    output.append(("error", text))


def info(text):
    output.append(("info", text))


def markdown(text, unsafe_allow_html=False):
    output.append(("markdown", text))


def selectbox(label, options, index=0, key=None):
    return inputs.get(key or label, list(options)[index])


class _Spinner:
    def __init__(self, text):
        output.append(("spinner", text))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def spinner(text="In progress..."):
    return _Spinner(text)


def cache_resource(func=None, **kwargs):
    """Like Streamlit's: the function runs once per process, its result is shared by reruns."""

    def decorate(f):
        cache = {}

        def wrapper(*args):
            if args not in cache:
                cache[args] = f(*args)
            return cache[args]

        wrapper.clear = cache.clear
        return wrapper

    return decorate if func is None else decorate(func)


class _Sidebar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


sidebar = _Sidebar()


def rerun():
    raise RuntimeError("st.rerun() is not used by this stand-in")


def chat_input(placeholder="", key=None):
    return inputs.get(key or "chat_input")


class _ChatMessage:
    def __init__(self, role):
        self.role = role

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, text):
        output.append(("chat:" + self.role, text))


def chat_message(role):
    return _ChatMessage(role)


def write(text):
    output.append(("write", text))


def toggle(label, value=False, key=None):
    return inputs.get(key or label, value)


class _Form:
    def __init__(self, key):
        self.key = key

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def form(key, clear_on_submit=False):
    return _Form(key)


def form_submit_button(label="Submit", **kwargs):
    return label in clicked


def text_area(label, value="", key=None, **kwargs):
    return inputs.get(key or label, value)


def radio(label, options, index=0, key=None, horizontal=False):
    return inputs.get(key or label, list(options)[index])


def code(text, language=None):
    output.append(("code", text))
