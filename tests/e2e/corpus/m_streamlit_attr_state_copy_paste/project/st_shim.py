"""The handful of Streamlit calls this app uses (lets it run headless in CI)."""


class _State(dict):
    """st.session_state: a dict that also takes attribute access."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value

    def __delattr__(self, name):
        del self[name]


session_state = _State()
clicked: set = set()
inputs: dict = {}
output: list = []


def set_page_config(**kwargs):
    pass


def header(text):
    output.append(("header", text))


def write(*args):
    output.append(("write", " ".join(str(a) for a in args)))


def error(text):
    output.append(("error", text))


def info(text):
    output.append(("info", text))


def button(label, key=None):
    return (key or label) in clicked


def text_area(label, key=None, value=""):
    return inputs.get(key or label, value)


def selectbox(label, options, index=0, key=None):
    return inputs.get(key or label, options[index])


def code(text, language=None):
    output.append(("code", text))
