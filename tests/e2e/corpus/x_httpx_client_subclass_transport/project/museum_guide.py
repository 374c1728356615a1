"""Museum audio-guide kiosk: one avatar per tour, a line per exhibit."""
import os

from heygen_client import HeyGenClient

EXHIBITS = {
    "sundial": "This sundial was carved in 1712 and still keeps good time on a clear day.",
    "loom": "The Jacquard loom read its patterns from punched cards, an ancestor of programming.",
}


def run_tour(stops, show_room):
    with HeyGenClient() as heygen:
        session = heygen.new_session(os.environ["GUIDE_AVATAR_ID"], voice_id=os.getenv("GUIDE_VOICE_ID"))
        heygen.start_session(session["session_id"])
        show_room(session["url"], session["access_token"])
        try:
            for stop in stops:
                heygen.speak(session["session_id"], EXHIBITS[stop])
            heygen.interrupt(session["session_id"])
            heygen.speak(session["session_id"], "That's the end of the tour. Thank you!")
        finally:
            heygen.stop_session(session["session_id"])
