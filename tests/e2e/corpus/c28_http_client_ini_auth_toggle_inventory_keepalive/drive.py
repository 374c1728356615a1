import os

import e2e_support
import inventory

demo = inventory.open_demo(os.environ["DEMO_AVATAR"])
e2e_support.viewer.join(demo["url"], demo["token"])
inventory.keep_alive(demo["session_id"])
avatars = inventory.avatars()
assert avatars and all(status for _, status in avatars), avatars
assert inventory.active_count() == 1
print(inventory.report())
inventory.stop(demo["session_id"])
