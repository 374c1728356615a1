"""Slack app: `/avatar start|say|ask|stop` opens a HeyGen avatar the channel can watch.

Run with `python app.py` (Socket Mode off; Slack posts to /slack/events).
"""
import os
from urllib.parse import urlencode

from slack_bolt import App

import heygen

app = App(token=os.environ.get("SLACK_BOT_TOKEN"), signing_secret=os.environ.get("SLACK_SIGNING_SECRET"))

VIEWER_PAGE = os.environ.get("VIEWER_PAGE", "https://avatar-viewer.example.com/")
AVATAR_ID = os.environ.get("HEYGEN_AVATAR_ID", "Tyler-incasualsuit-20220721")
KNOWLEDGE_BASE_ID = os.environ.get("HEYGEN_KNOWLEDGE_BASE_ID")

# channel id -> HeyGen session id (one avatar per channel)
ACTIVE = {}


def _controls(watch_link):
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": ":movie_camera: The avatar is live."}},
        {
            "type": "actions",
            "elements": [
                {"type": "button", "text": {"type": "plain_text", "text": "Watch"}, "url": watch_link},
                {"type": "button", "text": {"type": "plain_text", "text": "Hush"}, "action_id": "avatar_hush"},
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "End"},
                    "style": "danger",
                    "action_id": "avatar_stop",
                },
            ],
        },
    ]


@app.command("/avatar")
def avatar_command(ack, command, respond, logger):
    ack()
    channel = command["channel_id"]
    verb, _, rest = command.get("text", "").strip().partition(" ")

    if verb == "start":
        if channel in ACTIVE:
            return respond("An avatar is already live in this channel.")
        info = heygen.new_session(AVATAR_ID, KNOWLEDGE_BASE_ID)
        heygen.start_session(info["session_id"])
        ACTIVE[channel] = info["session_id"]
        watch_link = VIEWER_PAGE + "?" + urlencode({"url": info["url"], "token": info["access_token"]})
        logger.info("avatar %s live in %s", info["session_id"], channel)
        return respond(text="The avatar is live", blocks=_controls(watch_link))

    session_id = ACTIVE.get(channel)
    if session_id is None:
        return respond("No avatar here yet, try `/avatar start`.")
    if verb == "say" and rest:
        heygen.speak(session_id, rest)
        respond(f"Saying: {rest}")
    elif verb == "ask" and rest:
        heygen.speak(session_id, rest, task_type="talk")
        respond(f"Asked: {rest}")
    elif verb == "stop":
        heygen.stop_session(ACTIVE.pop(channel))
        respond("Avatar session ended.")
    else:
        respond("Usage: `/avatar start|say <text>|ask <question>|stop`")


@app.action("avatar_hush")
def hush(ack, body):
    ack()
    session_id = ACTIVE.get(body["channel"]["id"])
    if session_id:
        heygen.interrupt(session_id)


@app.action("avatar_stop")
def end(ack, body, say):
    ack()
    session_id = ACTIVE.pop(body["channel"]["id"], None)
    if session_id:
        heygen.stop_session(session_id)
        say("Avatar session ended.")


if __name__ == "__main__":
    app.start(port=int(os.environ.get("PORT", 3000)))
