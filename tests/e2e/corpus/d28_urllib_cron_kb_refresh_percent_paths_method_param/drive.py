"""Two nights of refreshes, then a visitor asks the shipping page."""

import e2e_support
from faqbot.ask import ask
from faqbot.refresh import refresh

PAGES = {
    "shipping": {"title": "Shipping", "text": "We ship within 2 days."},
    "returns": {"title": "Returns", "text": "Returns are free for 30 days."},
}
assert refresh(PAGES) == {"created": 2, "updated": 0, "deleted": 0}
PAGES["shipping"]["text"] = "We ship within 24 hours."
del PAGES["returns"]
assert refresh(PAGES) == {"created": 0, "updated": 1, "deleted": 1}
assert ask("shipping", "How fast do you ship?", e2e_support.viewer.join)
