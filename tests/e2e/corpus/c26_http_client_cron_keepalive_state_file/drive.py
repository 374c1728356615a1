import e2e_support
from signage import player, state

rec = player.open_screen()
stored = state.load()
e2e_support.viewer.join(stored["url"], stored["access_token"])
assert player.ping() is True
assert player.ping() is True
assert player.close_screen() is True
assert state.load() is None
assert player.ping() is False
