"""The highlights feed hands the narrator three plays."""

import e2e_support
from narrator.service import Narrator

with Narrator.from_env() as narrator:
    url, token = narrator.go_live()
    e2e_support.viewer.join(url, token)
    narrator.call_play("A stunning volley from the edge of the box!")
    narrator.call_play("And the keeper tips it over the bar.")
    narrator.cut_in()
    narrator.heartbeat()
    narrator.call_play("Corner kick, two minutes of added time.")
