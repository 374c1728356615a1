"""What the studio's operator script does: render a clip, then go live, speak and close."""

import os

import e2e_support
from studio import api
from studio.live import LiveAvatar

video_id = api.render(
    os.environ["AVATAR_ID"], "1bd001e7e50f421d891986aad5158bc8", "A recorded hello."
)
assert api.video_status(video_id) == "completed"
avatar = LiveAvatar(os.environ["AVATAR_ID"])
url, token = avatar.start()
e2e_support.viewer.join(url, token)
avatar.say("Hello from the studio.")
avatar.close()
