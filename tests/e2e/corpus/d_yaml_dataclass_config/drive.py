"""The kiosk started with its committed config.yaml."""

import e2e_support
from concierge import run

run("config.yaml", on_room=e2e_support.viewer.join)
