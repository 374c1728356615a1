import e2e_support
from lobby import LobbyAvatar

screen = LobbyAvatar({"quality": "high"})
room = screen.open()
e2e_support.viewer.join(room["url"], room["token"])
screen.greet("Ms. Rivera")
screen.answer("Is breakfast included?")
screen.close()
