"""The operator presents the deck and opens the printed Meet link in the browser."""

from urllib.parse import parse_qs, urlparse

import e2e_support
from presenter.deck import load_deck
from presenter.run import Presenter

presenter = Presenter(load_deck("deck.yaml"))
link = presenter.open()
query = parse_qs(urlparse(link).query)
e2e_support.viewer.join(query["liveKitUrl"][0], query["token"][0])  # the Meet page
presenter.present()
presenter.close()
assert len(presenter.spoken) == 4, presenter.spoken
