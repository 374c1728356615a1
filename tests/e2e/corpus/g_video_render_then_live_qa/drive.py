"""The webinar runner: recorded intro first, then the live Q&A."""

import e2e_support
from webinar import Webinar

webinar = Webinar.from_env()
intro_url = webinar.render_intro("Welcome to our quarterly product webinar.")
assert intro_url.endswith(".mp4"), intro_url
room = webinar.go_live()
e2e_support.viewer.join(room["url"], room["access_token"])
webinar.answer("What is new in the reporting module?")
webinar.answer("When will the mobile app ship?")
webinar.wrap_up("Thanks for joining, see you next quarter.")
