from typing import Annotated

from .agentkit import ConversableAgent
from .front_desk import DESK

assistant = ConversableAgent("intake_assistant")
executor = ConversableAgent("executor")
CHECKED_IN = []


@assistant.register_for_llm(description="Say a sentence to the patient, verbatim.")
@executor.register_for_execution()
async def say(sentence: Annotated[str, "what to say"]) -> str:
    await DESK.speak(sentence)
    return "ok"


@assistant.register_for_llm(description="Answer a patient question from the clinic's knowledge base.")
@executor.register_for_execution()
async def answer(question: Annotated[str, "the patient's question"]) -> str:
    await DESK.speak(question, task_type="chat")
    return "ok"


@assistant.register_for_llm(description="Mark the patient as checked in.")
@executor.register_for_execution()
def check_in(patient: Annotated[str, "full name"]) -> str:
    CHECKED_IN.append(patient)
    return f"{patient} checked in"
