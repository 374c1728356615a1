"""The curator publishes the exhibits, a visitor takes the dinosaur tour, a room closes."""

import e2e_support
from guide import transport
from guide.exhibits import Exhibit, publish
from guide.tour import Tour

DINO = Exhibit("dino", "The Age of Dinosaurs", ["T. rex lived 68 million years ago"])
GEMS = Exhibit("gems", "Gems and Minerals", ["Diamond is pure carbon"])

first = publish([DINO, GEMS])
assert sorted(first["created"]) == ["dino", "gems"], first
DINO.facts.append("Triceratops had three horns")
second = publish([DINO, GEMS])
assert sorted(second["updated"]) == ["dino", "gems"], second

tour = Tour("dino")
room = tour.begin()
e2e_support.viewer.join(room["livekit_url"], room["token"])
tour.narrate("This is the Age of Dinosaurs.")
tour.ask("How old is the T. rex?")
tour.end()

third = publish([DINO])
assert third["removed"] == ["gems"], third
transport.close()
