import e2e_support
import pick_avatar

avatars = pick_avatar.catalogue()
assert avatars
first = avatars[0]
assert first["avatar_id"] and first["default_voice"]
d = pick_avatar.hello(first)
e2e_support.viewer.join(d["url"], d["access_token"])
pick_avatar.bye(d["session_id"])
