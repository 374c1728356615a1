"""The presenter goes on stage (the screen joins its room), says two lines, leaves."""

import os

from avatarapp.presenter import Presenter
from e2e_support import viewer

presenter = Presenter(os.environ["AVATAR_ID"])
url, token = presenter.begin()
viewer.join(url, token)
presenter.say("Good evening.")
presenter.say("Tonight's talk starts in five minutes.")
presenter.end()
