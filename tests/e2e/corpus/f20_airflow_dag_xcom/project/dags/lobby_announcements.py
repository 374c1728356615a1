"""Morning lobby announcements read by the HeyGen streaming avatar on the lobby screen.

open_session -> publish_room -> speak_announcements -> close_session
The session id travels between tasks as the open task's return value (XCom), the room
for the screen under the "room" key.
"""
import datetime as dt
import json
import os
import urllib.request

from airflow_lite import DAG, PythonOperator

HEYGEN_API = os.environ.get("HEYGEN_API", "https://api.heygen.com")
LOBBY_AVATAR = os.environ.get("LOBBY_AVATAR", "Anna_public_3_20240108")

# the lobby screen's controller; set by the deployment (see screens.py)
screen_hook = None


def heygen_call(endpoint, payload):
    req = urllib.request.Request(
        f"{HEYGEN_API}/v1/{endpoint}",
        data=json.dumps(payload).encode(),
        headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        body = json.loads(resp.read())
    if body.get("code") != 100:
        raise RuntimeError(f"{endpoint}: {body}")
    return body.get("data") or {}


def open_session(**context):
    data = heygen_call("streaming.new", {"avatar_id": LOBBY_AVATAR, "quality": "high", "version": "v2"})
    heygen_call("streaming.start", {"session_id": data["session_id"]})
    context["ti"].xcom_push(key="room", value=data)
    return data["session_id"]


def publish_room(**context):
    room = context["ti"].xcom_pull(task_ids="open_session", key="room")
    if screen_hook is None:
        print("no lobby screen configured; room", room["url"])
        return
    screen_hook(room["url"], room["access_token"])


def speak_announcements(**context):
    session_id = context["ti"].xcom_pull(task_ids="open_session")
    lines = context["params"].get("lines") or ["Good morning!"]
    for line in lines:
        heygen_call("streaming.task", {"session_id": session_id, "text": line, "task_type": "repeat"})
    return len(lines)


def close_session(**context):
    session_id = context["ti"].xcom_pull(task_ids="open_session")
    heygen_call("streaming.stop", {"session_id": session_id})


with DAG(
    dag_id="lobby_announcements",
    start_date=dt.datetime(2024, 6, 1),
    schedule="0 8 * * 1-5",
    catchup=False,
    default_args={"retries": 1},
    tags=["avatar", "lobby"],
) as dag:
    t_open = PythonOperator(task_id="open_session", python_callable=open_session)
    t_publish = PythonOperator(task_id="publish_room", python_callable=publish_room)
    t_speak = PythonOperator(task_id="speak_announcements", python_callable=speak_announcements)
    t_close = PythonOperator(task_id="close_session", python_callable=close_session)

    t_open >> t_publish >> t_speak >> t_close
