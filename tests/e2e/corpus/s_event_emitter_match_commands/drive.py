import json
import os

import e2e_support
import stage

stage.bus.on("room.ready", e2e_support.viewer.join)
cues = [
    {"cue": "open", "avatar": os.environ["SHOW_AVATAR"], "quality": "medium"},
    {"cue": "line", "text": "Ladies and gentlemen, welcome to the show!"},
    {"cue": "pause"},
    {"cue": "line", "text": "Our first act is a juggler from Lyon."},
    {"cue": "cut"},
    {"cue": "fireworks"},
    {"cue": "close"},
]
log = stage.run_feed(json.dumps(c) for c in cues)
print(log)
assert stage.state["session"] is None
assert log[-1].startswith("unknown cue")
