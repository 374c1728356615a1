import e2e_support
import tutor

info = tutor.start_lesson()
e2e_support.viewer.join(info["url"], info["access_token"])
tutor.lesson(info["session_id"], ["How do I say good night?", "Is 'le' or 'la' used for table?"])
tutor.end_lesson(info["session_id"])
