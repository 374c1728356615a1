"""A three-stop tour; the gallery screen shows the guide."""

import anyio
import e2e_support
from tourguide.guide import give_tour

stops = [
    "Welcome to the east wing. This room holds the Dutch masters.",
    "Here is the famous harbour scene, painted in 1654.",
    "And finally, the portrait gallery.",
]
assert anyio.run(give_tour, stops, e2e_support.viewer.join) == 3
