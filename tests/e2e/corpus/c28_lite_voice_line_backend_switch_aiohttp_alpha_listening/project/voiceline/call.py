from .speech import asr, tts

ANSWERS = {
    "what are your opening hours": "We are open from eight to eight.",
    "is there parking": "Yes, behind the station.",
}


async def handle_call(backend, utterances):
    answers = []
    for number, utterance in enumerate(utterances):
        await backend.listen()
        question = asr(utterance)
        await backend.end_listen()
        answer = ANSWERS.get(question, "Goodbye, and thank you for calling.")
        if number:
            await backend.barge_in()  # the caller spoke again: drop what is still queued
        await backend.speak(tts(answer))
        answers.append(answer)
    return answers
