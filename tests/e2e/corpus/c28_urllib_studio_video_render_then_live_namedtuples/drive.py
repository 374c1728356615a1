import os

import e2e_support
from studio import pipeline
from studio.heygen_api import HeyGen

api = HeyGen()
names = [v["name"] for v in api.voices()]
assert names, names

job, live = pipeline.render_then_announce(
    api,
    studio_avatar=os.environ["STUDIO_AVATAR"],
    live_avatar=os.environ["LIVE_AVATAR"],
    live_voice=os.environ["LIVE_VOICE"],
    script="Our third quarter in ninety seconds.",
    join=e2e_support.viewer.join,
)
assert job.status == "completed", job
assert job.url and job.url.endswith(".mp4"), job
api.live_say(live, "Questions are welcome in the chat.")
api.live_close(live)
