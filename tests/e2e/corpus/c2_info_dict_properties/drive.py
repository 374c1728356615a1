"""The coaching app's session lifecycle, as its UI layer calls it."""

import e2e_support
from coach import coach_from_env

coach = coach_from_env()
coach.start()
e2e_support.viewer.join(coach.livekit_url, coach.viewer_token)
coach.say("Let's practise a job interview. Ready?")
coach.ask("Tell me about a time you solved a hard problem.")
coach.listen(True)
coach.listen(False)
coach.end()
assert coach.session_id is None
