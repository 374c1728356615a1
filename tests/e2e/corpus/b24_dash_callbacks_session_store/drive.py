"""The operator's browser: Dash's renderer posts to `/_dash-update-component` and keeps the
`dcc.Store` data in sessionStorage, sending it back as State."""

import re

import e2e_support
from console.app import app

client = app.server.test_client()
store = {}  # the browser's sessionStorage: component props it holds


def fire(output, trigger, inputs, state=()):
    body = {
        "output": output,
        "inputs": [{"id": i, "property": p, "value": store.get(f"{i}.{p}")} for i, p in inputs],
        "state": [{"id": i, "property": p, "value": store.get(f"{i}.{p}")} for i, p in state],
        "changedPropIds": [trigger],
    }
    store[trigger] = (store.get(trigger) or 0) + 1 if trigger.endswith("n_clicks") else None
    for item in body["inputs"]:
        if f"{item['id']}.{item['property']}" == trigger:
            item["value"] = store[trigger]
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code in (200, 204), r.get_data(as_text=True)
    if r.status_code == 200:
        for cid, props in r.get_json()["response"].items():
            for prop, value in props.items():
                store[f"{cid}.{prop}"] = value
    return r.status_code


def join_player():
    doc = store["player.srcDoc"]
    url, token = re.search(r'room\.connect\("([^"]*)", "([^"]*)"\)', doc).groups()
    e2e_support.viewer.join(url, token)


START_STOP = "..avatar-session.data...player.srcDoc...status.children.."
TALK = "..status.children...line.value.."
TALK_IN = [("send-btn", "n_clicks"), ("interrupt-btn", "n_clicks")]
TALK_STATE = [("line", "value"), ("as-question", "value"), ("avatar-session", "data")]

assert client.get("/_dash-layout").status_code == 200

store["line.value"] = "Hello?"
fire(TALK, "send-btn.n_clicks", TALK_IN, TALK_STATE)
assert store["status.children"] == "Start the avatar first."

fire(
    START_STOP,
    "start-btn.n_clicks",
    [("start-btn", "n_clicks"), ("stop-btn", "n_clicks")],
    [("avatar-session", "data")],
)
assert store["status.children"].startswith("Live: "), store
join_player()

store["line.value"] = "Good afternoon, I am your virtual host."
fire(TALK, "send-btn.n_clicks", TALK_IN, TALK_STATE)
assert store["status.children"] == "Sent (repeat).", store
fire(TALK, "interrupt-btn.n_clicks", TALK_IN, TALK_STATE)

# the operator reloads the page: the player is rebuilt from the stored session
store["player.srcDoc"] = ""
fire(
    "player.srcDoc",
    "reload-btn.n_clicks",
    [("reload-btn", "n_clicks")],
    [("avatar-session", "data")],
)
assert "room.connect" in store["player.srcDoc"]

store["line.value"] = "When does the museum close today?"
store["as-question.value"] = ["Answer from the FAQ"]
fire(TALK, "send-btn.n_clicks", TALK_IN, TALK_STATE)
assert store["status.children"] == "Sent (chat).", store

fire(
    START_STOP,
    "stop-btn.n_clicks",
    [("start-btn", "n_clicks"), ("stop-btn", "n_clicks")],
    [("avatar-session", "data")],
)
assert store["status.children"] == "Stopped."
assert store["avatar-session.data"] is None
