"""The operator testing the DAG locally, with the lobby screen attached."""

import e2e_support
import screens
from dags.lobby_announcements import dag

screens.attach(e2e_support.viewer.join)
xcoms = dag.test(conf={"lines": ["Good morning, everyone.", "The cafe opens at nine."]})
assert xcoms[("speak_announcements", "return_value")] == 2, xcoms
