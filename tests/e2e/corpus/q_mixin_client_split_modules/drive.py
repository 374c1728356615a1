"""The help-desk app opens an avatar, the viewer joins, questions are answered."""

import app
import e2e_support

desk = app.HelpDesk()
room = desk.open()
e2e_support.viewer.join(room["url"], room["access_token"])
desk.greet("Hello, I am the help desk assistant.")
print(desk.answer("How do I reset my password?"))
desk.hush()
desk.ping()
desk.close()
