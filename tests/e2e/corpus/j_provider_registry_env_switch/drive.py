"""The show with the configured provider; the stage screen joins the room it is shown."""

import e2e_support
from talking_head.app import run_show
from talking_head.providers import get_provider

assert get_provider("console").name == "console"
stage = run_show(on_stage=lambda s: e2e_support.viewer.join(s.url, s.token))
assert stage.session_id
