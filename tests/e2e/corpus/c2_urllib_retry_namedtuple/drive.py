"""The raspberry-pi reception script, run once by systemd."""

import e2e_support
import reception

live = reception.connect()
e2e_support.viewer.join(live.url, live.access_token)
reception.greet(live, "Visitor")
reception.answer(live, "Where is the meeting room Ada?")
reception.hang_up(live)
