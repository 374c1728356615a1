"""The slide tool's "present" button: open, read the notes of each slide, close."""

import e2e_support
from presenter import Presenter

deck = [
    "Slide one: our quarterly numbers at a glance.",
    "Slide two: what changed since last quarter.",
    "Slide three: questions and next steps.",
]

presenter = Presenter.from_env()
room = presenter.open()
e2e_support.viewer.join(room["url"], room["token"])
presenter.present(deck)
presenter.close()
