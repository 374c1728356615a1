"""A cron script using the blocking facade."""

import e2e_support
from facade import Presenter

p = Presenter()
room = p.open()
e2e_support.viewer.join(room["url"], room["access_token"])
p.say("Nightly build finished: all green.")
p.ping()
p.say("Deploying to staging now.")
p.cut()
p.say("Deployment done.")
p.close()
