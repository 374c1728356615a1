"""Open the show, the player page joins through the link, run the scheduled jobs once, close."""

from urllib.parse import parse_qs, urlsplit

import e2e_support
import schedule
import signage

signage.open_show()
link = signage.viewer_link()
query = parse_qs(urlsplit(link).query)
e2e_support.viewer.join(query["liveKitUrl"][0], query["token"][0])
signage.plan()
assert len(schedule.jobs) == 3
schedule.run_all()
assert signage.viewer_link() == link
signage.close_show()
assert signage.viewer_link() is None and schedule.jobs == []
