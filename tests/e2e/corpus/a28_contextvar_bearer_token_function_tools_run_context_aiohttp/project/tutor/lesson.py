import os
from dataclasses import dataclass, field

from . import heygen_client
from .agents_sdk import Agent, RunContextWrapper, function_tool


@dataclass
class TutorContext:
    session_id: str
    learner: str
    spoken: list = field(default_factory=list)


@function_tool
async def say_phrase(ctx: RunContextWrapper[TutorContext], phrase: str) -> str:
    """Say a phrase for the learner to repeat."""
    await heygen_client.task(ctx.context.session_id, phrase, "repeat")
    ctx.context.spoken.append(phrase)
    return "said"


@function_tool
async def answer_question(ctx: RunContextWrapper[TutorContext], question: str) -> str:
    """Let the tutor's knowledge base answer a grammar question."""
    await heygen_client.task(ctx.context.session_id, question, "chat")
    return "answered"


async def start_lesson(learner, on_ready):
    await heygen_client.begin_lesson_token()
    info = await heygen_client.open_session(os.environ["TUTOR_AVATAR"], os.environ["TUTOR_KB"])
    on_ready(info["url"], info["access_token"])
    return RunContextWrapper(TutorContext(info["session_id"], learner))


async def end_lesson(ctx):
    await heygen_client.close_session(ctx.context.session_id)
    await heygen_client.shutdown()


def make_tutor(planner):
    return Agent("tutor", [say_phrase, answer_question], planner)
