"""Local dev run of a show (RQ_EAGER=1 runs the jobs in this process), the stage screen attached."""

import e2e_support
from showrunner.schedule import schedule_show

result = schedule_show(
    ["Ladies and gentlemen, welcome!", "Tonight's show starts in five minutes."],
    on_room=e2e_support.viewer.join,
)
assert result == {"open": "finished", "show": 2, "close": "closed"}, result
