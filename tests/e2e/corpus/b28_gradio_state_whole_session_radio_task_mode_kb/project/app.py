import os

import gradio as gr

from avatar_backend import HeyGenStreaming

backend = HeyGenStreaming()
AVATAR = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
KB = os.getenv("KNOWLEDGE_BASE_ID")


def start(session):
    if session:
        return session, "Already live"
    session = backend.create(AVATAR, KB)
    return session, f"Live: {session['session_id']}"


def show_player(session):
    if not session:
        return "<p>Start the avatar first.</p>"
    return (
        "<script src='https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js'></script>"
        f"<script>new LivekitClient.Room().connect('{session['url']}', '{session['access_token']}')</script>"
    )


def send(message, mode, session, log):
    if not session or not message.strip():
        return log
    backend.send(session["session_id"], message.strip(), mode)
    return (log or "") + f"[{mode}] {message.strip()}\n"


def stop(session):
    if session:
        backend.close(session["session_id"])
    return None, "Stopped"


with gr.Blocks(title="Avatar desk") as demo:
    session = gr.State(None)
    status = gr.Markdown("Idle")
    player = gr.HTML()
    with gr.Row():
        start_btn = gr.Button("Start")
        player_btn = gr.Button("Show player")
        stop_btn = gr.Button("Stop")
    message = gr.Textbox(label="Message")
    mode = gr.Radio(["repeat", "talk"], value="repeat", label="Mode")
    log = gr.Textbox(label="Log", value="")
    send_btn = gr.Button("Send")

    start_btn.click(start, inputs=[session], outputs=[session, status])
    player_btn.click(show_player, inputs=[session], outputs=[player])
    send_btn.click(send, inputs=[message, mode, session, log], outputs=[log])
    message.submit(send, inputs=[message, mode, session, log], outputs=[log], api_name="send_enter")
    stop_btn.click(stop, inputs=[session], outputs=[session, status])

if __name__ == "__main__":
    demo.launch()
