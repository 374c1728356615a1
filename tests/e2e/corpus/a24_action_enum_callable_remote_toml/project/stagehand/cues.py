"""A show is a list of cues; each cue maps onto one remote action."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from .config import AvatarConfig
from .remote import Action, AvatarRemote

Cue = tuple[str, str]  # (verb, argument)

VERBS: dict[str, Action] = {"say": Action.SAY, "cut": Action.HUSH, "hold": Action.PING}


async def run_show(cues: Sequence[Cue], on_curtain: Callable[[str, str], object]) -> int:
    remote = AvatarRemote(AvatarConfig.load())
    done = 0
    try:
        room = await remote.open()
        on_curtain(room["url"], room["access_token"])
        for verb, arg in cues:
            action = VERBS[verb]
            if action is Action.SAY:
                await remote(action, text=arg, task_type="repeat")
            else:
                await remote(action)
            done += 1
    finally:
        await remote.aclose()
    return done
