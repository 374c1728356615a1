"""A rehearsal run of the deck; the viewer joins when the narrator is live."""

import json

import e2e_support
import narrate

with open("deck.json", encoding="utf-8") as fh:
    deck = json.load(fh)
spoken = narrate.narrate(deck, on_live=e2e_support.viewer.join)
assert spoken > 0, spoken
