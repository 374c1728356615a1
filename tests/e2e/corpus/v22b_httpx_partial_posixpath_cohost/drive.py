"""The webinar tool going live, reading two slides and wrapping up."""

import e2e_support
from presenter import CoHost

host = CoHost()
url, token = host.go_live()
e2e_support.viewer.join(url, token)
host.read_notes(
    ["Slide one: our roadmap for next quarter.", "Slide two: questions welcome at the end."]
)
host.wrap_up()
assert host.session is None
