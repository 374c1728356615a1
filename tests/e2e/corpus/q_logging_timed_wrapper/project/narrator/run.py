import logging
import os
import sys
import time

from narrator import heygen

logger = logging.getLogger("narrator")

AVATAR = os.environ.get("NARRATOR_AVATAR", "Anna_public_3_20240108")


def narrate(session_id, chapters):
    for number, chapter in enumerate(chapters, 1):
        started = time.monotonic()
        data = heygen.speak(session_id, chapter)
        logger.info(
            "chapter %d: task %s, %s ms of speech, %.1fs wall",
            number,
            data["task_id"],
            data.get("duration_ms"),
            time.monotonic() - started,
        )
        heygen.keep_alive(session_id)


def main(chapters, on_room=None):
    logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    info = heygen.new_session(AVATAR, quality="high")
    session_id = info["session_id"]
    logger.info("session %s created", session_id)
    heygen.start_session(session_id)
    if on_room:
        on_room(info["url"], info["access_token"])
    try:
        narrate(session_id, chapters)
        heygen.interrupt(session_id)
    finally:
        heygen.stop_session(session_id)
        logger.info("session %s closed", session_id)


if __name__ == "__main__":
    main(sys.argv[1:])
