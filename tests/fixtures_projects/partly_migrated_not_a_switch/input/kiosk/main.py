import sys

from .heygen_tasks import interrupt
from .liveavatar_session import close_session


def main(session_id: str) -> None:
    if "--stop" in sys.argv:
        close_session(session_id)
    else:
        interrupt(session_id)
