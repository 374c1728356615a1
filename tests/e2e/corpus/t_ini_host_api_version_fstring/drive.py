"""The lobby screen loads its settings, shows the avatar, plays an announcement and closes."""

import e2e_support
from signage import SignagePlayer

player = SignagePlayer.from_ini("avatar.ini")
room = player.open()
e2e_support.viewer.join(room["url"], room["access_token"])
assert player.announce("The lobby closes at eight tonight.")
player.close()
