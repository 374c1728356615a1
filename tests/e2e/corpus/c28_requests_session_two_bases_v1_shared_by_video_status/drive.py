import os

import e2e_support
from present import render_and_present
from studio import HeyGenStudio

studio = HeyGenStudio()
live = render_and_present(
    studio, os.environ["STUDIO_AVATAR"], os.environ["LIVE_AVATAR"], "Meet our new product line."
)
e2e_support.viewer.join(live["url"], live["access_token"])
studio.say(live["session_id"], "Here is the recording.")
studio.interrupt(live["session_id"])
studio.say(live["session_id"], "Let us take questions.")
studio.end(live["session_id"])
