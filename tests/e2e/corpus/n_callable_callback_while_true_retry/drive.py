"""The game server subscribes the narrator and emits events; the stream page joins the room."""

import e2e_support
import narrator

game = narrator.Game()
avatar = narrator.AvatarNarrator()
url, token = avatar.open()
e2e_support.viewer.join(url, token)
game.subscribe(avatar)
game.emit({"type": "kickoff", "text": "The match has started."})
game.emit({"type": "goal", "player": "Alex"})
game.emit({"type": "quiet"})
game.emit({"type": "shush"})
game.emit({"type": "note", "text": ""})
assert avatar.said == 2, avatar.said
avatar.close()
