from avatar_bridge import AvatarBridge
from e2e_support import viewer

bridge = AvatarBridge()
creds = bridge.connect()
viewer.join(creds["url"], creds["access_token"])
bridge.say("Hello, I'm the concierge for the conference.")
bridge.keep_alive()
bridge.listen()
bridge.mute()
bridge.say("The keynote hall is on the ground floor, next to registration.")
bridge.disconnect()
