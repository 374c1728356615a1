"""The handful of Streamlit calls this app uses (lets it run headless in CI)."""
import os

session_state: dict = {}
secrets = {
    "heygen": {
        "heygen_api_key": os.environ.get("HEYGEN_API_KEY", ""),
        "avatar_id": os.environ.get("HEYGEN_AVATAR", "Anna_public_3_20240108"),
    }
}
clicked: set = set()
inputs: dict = {}
output: list = []


def title(text):
    output.append(("title", text))


def write(*args):
    output.append(("write", " ".join(str(a) for a in args)))


def error(text):
    output.append(("error", text))


def success(text):
    output.append(("success", text))


def button(label, key=None):
    return label in clicked


def text_input(label, key=None, value=""):
    return inputs.get(key or label, value)


def html(markup, height=400):
    output.append(("html", markup))
