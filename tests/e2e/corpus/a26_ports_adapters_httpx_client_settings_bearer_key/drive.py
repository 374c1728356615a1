"""A lesson from the tutor's web layer (which calls the service)."""

import e2e_support
from tutorapp.container import build_service

service = build_service()
room = service.begin_lesson()
e2e_support.viewer.join(room.server_url, room.token)
service.explain("Today: fractions.", "A fraction is a part of a whole.")
service.student_raised_hand()
service.still_here()
service.explain("Good question! Let me show you.")
past = service.end_lesson()
assert past >= 0
