"""The reception screen: open the avatar, greet, answer two visitors, close at night."""

import assistant
import e2e_support

room = assistant.open_avatar()
e2e_support.viewer.join(room["url"], room["token"])  # the lobby screen
assistant.greet()
for question in ("Where is the meeting room Atlas?", "Can I get a visitor badge?"):
    answer = assistant.handle_question(question)
    assert answer, question
roles = [turn["role"] for turn in assistant.conversation]
assert roles == ["assistant", "user", "assistant", "user", "assistant"], roles
assistant.close_avatar()
assert assistant.session == {}
