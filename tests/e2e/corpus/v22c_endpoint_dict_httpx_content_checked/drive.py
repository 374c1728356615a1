"""The demo script's own `__main__` flow, run by the person presenting it."""

import avatar_session
import e2e_support

info = avatar_session.create_session()
e2e_support.viewer.join(info.url, info.token)
avatar_session.talk(info.session_id, ["Hi everyone.", "This is our product demo."])
avatar_session.ask(info.session_id, "What does the product cost?")
avatar_session.keep_alive(info.session_id)
avatar_session.interrupt(info.session_id)
print(avatar_session.close_session(info.session_id))
