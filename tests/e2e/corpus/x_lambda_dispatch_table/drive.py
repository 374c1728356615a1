"""The operator's keypad during the product launch."""

import os

import e2e_support
import remote

e2e_support.viewer.join(
    *remote.power_on(os.environ["STAGE_AVATAR_ID"], os.environ.get("STAGE_KB_ID"))
)
remote.press("s", "Ladies and gentlemen, welcome to the launch.")
remote.press("a", "What makes the new model different?")
remote.press("x")
remote.press("k")
remote.power_off()
