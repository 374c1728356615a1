import e2e_support
from announcer.gate import GateScreen

screen = GateScreen("B12", "LH 1234", "Lisbon")
room = screen.power_on()
e2e_support.viewer.join(room["livekit_url"], room["viewer_token"])
assert screen.announce("boarding").startswith("Flight LH 1234")
assert screen.heartbeat()
screen.announce("final")
screen.announce("closed")
screen.power_off()
assert not screen.heartbeat()
