"""The evening forecast."""

import e2e_support
from presenter import Presenter

p = Presenter()
url, token = p.go_live()
e2e_support.viewer.join(url, token)
p.read("Tomorrow will be sunny with a light breeze.")
p.ping()
p.read("Expect showers on Sunday afternoon.")
p.sign_off()
