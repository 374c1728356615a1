"""The product-demo app, as its scheduler runs one demo."""

import e2e_support
from demo_app import run_demo

run_demo(
    on_room=lambda url, token: e2e_support.viewer.join(url, token),
    script=["Hi, I'm your product guide.", "Let me show you the dashboard."],
    questions=["How do I export a report?"],
)
