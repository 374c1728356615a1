from e2e_support import viewer
from interactive_avatar import InteractiveAvatar

avatar = InteractiveAvatar()
avatar.cleanup_stale_sessions()
creds = avatar.open()
viewer.join(creds["url"], creds["access_token"])
avatar.say("Good morning! The standup starts in five minutes.")
avatar.heartbeat(beats=2)
avatar.say("Any blockers today?", task_type="chat")
avatar.close()
