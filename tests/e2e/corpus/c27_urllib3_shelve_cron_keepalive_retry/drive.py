import os
import tempfile

os.environ["KEEPER_STATE"] = os.path.join(tempfile.mkdtemp(), "sessions")

import e2e_support
import keeper

lobby = keeper.open_screen("lobby", "Welcome to the east wing.")
e2e_support.viewer.join(lobby["url"], lobby["token"])
keeper.open_screen("elevators", "Elevators are to your left.")
assert keeper.main(["tick"]) == 0
alive, dropped = keeper.tick()
assert sorted(alive) == ["elevators", "lobby"] and dropped == []
assert sorted(keeper.close_all()) == ["elevators", "lobby"]
assert keeper.db_entry("lobby") is None
