import os

import avatar_session
from e2e_support import viewer

info = avatar_session.open_session(
    os.environ["AVATAR_ID"],
    quality="high",
    voice_rate=1.0,
    knowledge_base_id=os.environ["KNOWLEDGE_BASE_ID"],
)
avatar_session.begin(info["session_id"])
viewer.join(info["url"], info["access_token"])
avatar_session.listen(info["session_id"])
avatar_session.say(info["session_id"], "Which plan fits a team of five?")
avatar_session.listen(info["session_id"], on=False)
avatar_session.say(info["session_id"], "Our Team plan is a good start.", task_type="repeat")
avatar_session.close(info["session_id"])
