"""The front desk tablet talks to the concierge service."""

import e2e_support
from concierge.service import ConciergeService

svc = ConciergeService.from_env()
room = svc.check_in()
e2e_support.viewer.join(room.server_url, room.client_token)
svc.greet("Good evening and welcome to the Harbour Hotel.")
svc.question("What time does the rooftop bar close?")
svc.question("Is breakfast included?")
svc.check_out()
