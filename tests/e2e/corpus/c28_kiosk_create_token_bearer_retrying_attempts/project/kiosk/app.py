"""The kiosk's conversation loop (speech recognition runs on the device)."""
ANSWERS = {
    "where is the lighthouse lens": "The lens is in hall three, next to the ship models.",
    "when do you close": "We close at six, the cafe at half past five.",
}


def normalise(utterance):
    return utterance.lower().strip(" ?!.")


def visitor_turn(kiosk, utterance, barge_in=False):
    kiosk.listen()
    question = normalise(utterance)
    kiosk.stop_listening()
    answer = ANSWERS.get(question, "Let me call a guide for you.")
    kiosk.speak(answer)
    if barge_in:
        kiosk.interrupt()
    return answer
