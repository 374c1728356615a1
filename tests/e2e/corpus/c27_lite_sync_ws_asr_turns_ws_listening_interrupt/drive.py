import e2e_support
from voicebot import Line

with Line() as line:
    e2e_support.viewer.join(line.room["url"], line.room["token"])
    assert line.say("Thanks for calling the harbour office.") >= 2
    answer = line.caller_turn("What are your hours?")
    line.say(answer)
    line.barge_in()
    line.keep_alive()
    line.say(line.caller_turn("Where are you?"))
