"""The hotel concierge answering a guest."""

import e2e_support
from concierge.client import ConciergeClient

client = ConciergeClient()
info = client.open_session()
e2e_support.viewer.join(info["url"], info["access_token"])
client.greet("Good evening, welcome to the Grand Hotel.")
client.ask("What time is breakfast served?")
client.ask("Is the pool open late?")
client.close()
