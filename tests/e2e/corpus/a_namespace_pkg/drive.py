from avatar_kit.session import LiveSession
from e2e_support import viewer

live = LiveSession(persona="reception")
stream = live.open()
viewer.join(stream.url, stream.access_token)
live.say("Welcome to Northwind Hotel. Checking in today?")
live.listen(True)
live.interrupt()
live.listen(False)
live.say("Your room is on the fourth floor.", kind="repeat")
live.close()
