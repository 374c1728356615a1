import os

import httpx

import gr_shim as gr

HEYGEN_KEY = os.environ["HEYGEN_API_KEY"]
AVATAR = os.environ.get("GRADIO_AVATAR_ID", "Anna_public_3_20240108")
KB_ID = os.environ.get("GRADIO_KB_ID", "")
BASE = "https://api.heygen.com/v1"

PLAYER = """<iframe src="https://meet.livekit.io/custom?liveKitUrl={url}&token={token}"
 width="640" height="360" allow="autoplay"></iframe>"""


def _headers():
    return {"accept": "application/json", "x-api-key": HEYGEN_KEY}


def start_avatar(session):
    if session.get("session_id"):
        return session, gr_player(session)
    payload = {"avatar_id": AVATAR, "quality": "medium", "version": "v2"}
    if KB_ID:
        payload["knowledge_base_id"] = KB_ID
    res = httpx.post(f"{BASE}/streaming.new", headers=_headers(), json=payload, timeout=30)
    res.raise_for_status()
    info = res.json()["data"]
    httpx.post(
        f"{BASE}/streaming.start",
        headers=_headers(),
        json={"session_id": info["session_id"]},
        timeout=30,
    ).raise_for_status()
    session = {**session, "session_id": info["session_id"], "url": info["url"], "token": info["access_token"]}
    httpx.post(
        f"{BASE}/streaming.task",
        headers=_headers(),
        json={"session_id": session["session_id"], "text": "Hi! Ask me anything.", "task_type": "repeat"},
        timeout=30,
    )
    return session, gr_player(session)


def gr_player(session):
    return PLAYER.format(url=session["url"], token=session["token"])


def send(message, history, session):
    if not session.get("session_id"):
        return "", history + [[message, "Start the avatar first."]], session
    res = httpx.post(
        f"{BASE}/streaming.task",
        headers=_headers(),
        json={"session_id": session["session_id"], "text": message, "task_type": "talk"},
        timeout=30,
    )
    reply = "(speaking)" if res.status_code == 200 else f"error {res.status_code}"
    return "", history + [[message, reply]], session


def interrupt(session):
    if session.get("session_id"):
        httpx.post(
            f"{BASE}/streaming.interrupt",
            headers=_headers(),
            json={"session_id": session["session_id"]},
            timeout=30,
        )
    return session


def stop_avatar(session):
    if session.get("session_id"):
        httpx.post(
            f"{BASE}/streaming.stop",
            headers=_headers(),
            json={"session_id": session["session_id"]},
            timeout=30,
        )
    return {}, ""


with gr.Blocks(title="HeyGen avatar chat") as demo:
    session_state = gr.State({})
    player = gr.HTML()
    chatbot = gr.Chatbot(value=[])
    msg = gr.Textbox(label="Your message")
    with gr.Row():
        start_btn = gr.Button("Start")
        send_btn = gr.Button("Send")
        stop_talking_btn = gr.Button("Interrupt")
        end_btn = gr.Button("End")
    start_btn.click(start_avatar, inputs=[session_state], outputs=[session_state, player])
    send_btn.click(send, inputs=[msg, chatbot, session_state], outputs=[msg, chatbot, session_state])
    stop_talking_btn.click(interrupt, inputs=[session_state], outputs=[session_state])
    end_btn.click(stop_avatar, inputs=[session_state], outputs=[session_state, player])

if __name__ == "__main__":
    demo.launch()
