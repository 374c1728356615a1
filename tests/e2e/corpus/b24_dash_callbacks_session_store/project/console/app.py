"""Operator console: a Dash page that starts an avatar, types lines for it, stops it.

The session lives in the browser (`dcc.Store(storage_type="session")`), so a reload or a second
worker still knows it: every callback gets it back as State.
"""
import os

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash import PreventUpdate

from . import heygen_api as hg

AVATAR_ID = os.getenv("CONSOLE_AVATAR_ID", "Anna_public_3_20240108")
KNOWLEDGE_BASE_ID = os.getenv("CONSOLE_KB_ID")

PLAYER = """<html><body>
<video id="v" autoplay playsinline></video>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<script>
  const room = new LivekitClient.Room();
  room.connect("{url}", "{token}");
</script>
</body></html>"""

app = Dash(__name__, title="Avatar console")
server = app.server

app.layout = html.Div(
    [
        dcc.Store(id="avatar-session", storage_type="session"),
        html.H2("Avatar console"),
        html.Div(
            [
                html.Button("Start", id="start-btn"),
                html.Button("Stop", id="stop-btn"),
                html.Button("Reload player", id="reload-btn"),
            ]
        ),
        dcc.Input(id="line", type="text", placeholder="Say something..."),
        dcc.Checklist(id="as-question", options=["Answer from the FAQ"], value=[]),
        html.Button("Send", id="send-btn"),
        html.Button("Interrupt", id="interrupt-btn"),
        html.Iframe(id="player", srcDoc="", style={"width": "640px", "height": "360px"}),
        html.Small(id="status"),
    ]
)


def _player(session):
    return PLAYER.format(url=session["url"], token=session["access_token"])


@app.callback(
    Output("avatar-session", "data"),
    Output("player", "srcDoc"),
    Output("status", "children"),
    Input("start-btn", "n_clicks"),
    Input("stop-btn", "n_clicks"),
    State("avatar-session", "data"),
    prevent_initial_call=True,
)
def start_or_stop(_start, _stop, session):
    if ctx.triggered_id == "start-btn":
        if session:
            return no_update, no_update, "Already live."
        info = hg.new_session(AVATAR_ID, knowledge_base_id=KNOWLEDGE_BASE_ID)
        hg.start_session(info["session_id"])
        return info, _player(info), f"Live: {info['session_id']}"
    if not session:
        raise PreventUpdate
    hg.stop_session(session["session_id"])
    return None, "", "Stopped."


@app.callback(
    Output("player", "srcDoc", allow_duplicate=True),
    Input("reload-btn", "n_clicks"),
    State("avatar-session", "data"),
    prevent_initial_call=True,
)
def reload_player(_n, session):
    if not session:
        raise PreventUpdate
    return _player(session)


@app.callback(
    Output("status", "children"),
    Output("line", "value"),
    Input("send-btn", "n_clicks"),
    Input("interrupt-btn", "n_clicks"),
    State("line", "value"),
    State("as-question", "value"),
    State("avatar-session", "data"),
    prevent_initial_call=True,
)
def talk(_send, _interrupt, line, as_question, session):
    if not session:
        return "Start the avatar first.", no_update
    if ctx.triggered_id == "interrupt-btn":
        hg.interrupt(session["session_id"])
        return "Interrupted.", no_update
    if not line:
        raise PreventUpdate
    task_type = "chat" if as_question else "repeat"
    hg.send_text(session["session_id"], line, task_type=task_type)
    return f"Sent ({task_type}).", ""


if __name__ == "__main__":
    server.run(debug=True, port=8050)
