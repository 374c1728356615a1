"""Running the demo script from a shell, the way its README says."""

import os

import demo
import e2e_support

code = demo.main(
    [
        "--avatar",
        os.environ["DEMO_AVATAR"],
        "--kb",
        os.environ["DEMO_KB"],
        "--line",
        "What are your opening hours?",
        "--line",
        "Do you ship abroad?",
    ],
    on_room=e2e_support.viewer.join,
)
assert code == 0, code
