"""An agent loop replaying the tool calls an LLM made; the UI shows the room after open_avatar."""

import e2e_support
from avatar_tools import AvatarToolkit

tools = {t.name: t for t in AvatarToolkit().get_tools()}
print(tools["open_avatar"].run())
room = AvatarToolkit.room()
e2e_support.viewer.join(room["livekit_url"], room["token"])
print(tools["avatar_speak"].run({"text": "Hello, I'm your research assistant."}))
print(tools["avatar_speak"].run({"text": "What did the latest paper conclude?", "mode": "chat"}))
print(tools["avatar_stop_speaking"].run())
print(tools["close_avatar"].run())
