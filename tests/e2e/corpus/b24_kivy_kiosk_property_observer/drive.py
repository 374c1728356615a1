"""The kiosk boots, the lobby TV mirrors the operator label, a line is typed, a frame ticks,
the kiosk shuts down."""

import e2e_support
from kivy.clock import Clock
from main import KioskApp

app = KioskApp()
app.run()
root = app.root
assert root.status == "live"
url, token = root.ids.link.text.split("|")
e2e_support.viewer.join(url, token)
root.ids.line.text = "Welcome! Please take a visitor badge."
root.say()
Clock.tick()  # the keep-alive interval fires
root.ids.line.text = "Your host has been notified."
root.say()
app.on_stop()
assert root.status == "idle" and root.ids.link.text == ""
