"""An application using the in-house streamkit SDK the way its README shows."""

import e2e_support
import streamkit

client = streamkit.Client.from_env()
session = client.create_session(knowledge_base_id=client.default_kb, quality="high")
e2e_support.viewer.join(session.url, session.access_token)
session.speak("Hi, I'm the onboarding assistant.")
session.speak("How do I reset my password?", task_type="chat", task_mode="async")
session.interrupt()
session.close()
