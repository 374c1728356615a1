"""The stage manager runs tonight's show."""

import e2e_support
from stage.show import Show

show = Show("friday-night")
room = show.open()
e2e_support.viewer.join(room["livekit_url"], room["livekit_token"])
show.cue("Ladies and gentlemen, welcome!")
show.ask("Who is performing tonight?")
show.cut()
show.cue("Please take your seats.")
show.close()
