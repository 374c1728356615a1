"""A lesson: the tutor reads, answers a question, listens, and ends."""

import e2e_support
from tutor import Tutor

t = Tutor()
live = t.begin()
e2e_support.viewer.join(live.url, live.access_token)
t.read("The fox ran into the forest. It was looking for its den.")
t.ping()
t.question("Why did the fox run into the forest?")
t.listen()
t.end()
