"""The lobby screen asks the concierge two guest questions."""

import e2e_support
from concierge.app import run_concierge

run_concierge(["Is breakfast included?", "When is check-out?"], e2e_support.viewer.join)
