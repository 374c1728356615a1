from .streaming import Streaming


def run_concierge(questions, show):
    avatar = Streaming()
    room = avatar.connect()
    show(room["url"], room["token"])
    try:
        avatar.talk("Good morning, I am the hotel concierge.", task_type="repeat")
        for question in questions:
            avatar.talk(question)
    finally:
        avatar.stop()
