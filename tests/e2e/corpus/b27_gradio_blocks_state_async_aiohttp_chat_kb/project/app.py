import html
import os

import gradio as gr

import avatar_client

AVATAR_ID = os.getenv("AVATAR_ID", "June_HR_public")

PLAYER = """
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<div id="avatar"></div>
<script>
  const room = new LivekitClient.Room();
  room.connect('{url}', '{token}').then(() => console.log('connected'));
</script>
"""


def _iframe(markup):
    return f'<iframe style="width:100%;height:420px;border:0" srcdoc="{html.escape(markup)}"></iframe>'


async def on_start(state):
    if state and state.get("session_id"):
        raise gr.Error("already running")
    try:
        info = await avatar_client.start(AVATAR_ID)
    except avatar_client.AvatarAPIError as exc:
        raise gr.Error(str(exc))
    state = {"session_id": info["session_id"]}
    player = PLAYER.format(url=info["url"], token=info["access_token"])
    return state, _iframe(player), "Live"


async def on_message(message, history, state):
    if not state or not state.get("session_id"):
        raise gr.Error("Start the avatar first")
    await avatar_client.chat(state["session_id"], message)
    history = (history or []) + [[message, None]]
    return history, "", state


async def on_stop(state):
    if state and state.get("session_id"):
        await avatar_client.stop(state["session_id"])
    return {}, "", "Stopped"


with gr.Blocks(title="HR helpdesk avatar") as demo:
    session = gr.State({})
    status = gr.Markdown("Idle")
    player = gr.HTML()
    chatbot = gr.Chatbot(label="conversation")
    with gr.Row():
        box = gr.Textbox(label="question")
        send = gr.Button("Ask")
    start_btn = gr.Button("Start")
    stop_btn = gr.Button("Stop")

    start_btn.click(on_start, inputs=[session], outputs=[session, player, status], api_name="start")
    send.click(on_message, inputs=[box, chatbot, session], outputs=[chatbot, box, session], api_name="ask")
    box.submit(on_message, inputs=[box, chatbot, session], outputs=[chatbot, box, session], api_name="ask_enter")
    stop_btn.click(on_stop, inputs=[session], outputs=[session, player, status], api_name="stop")

if __name__ == "__main__":
    demo.launch()
