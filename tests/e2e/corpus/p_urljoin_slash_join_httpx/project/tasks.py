from net import HOST, auth_headers, client

TASK_URL = "/".join([HOST, "v1", "streaming.task"])


def ask(sid, question):
    """chat: the knowledge base answers"""
    resp = client.post(TASK_URL, json={"session_id": sid, "text": question, "task_type": "chat"}, headers=auth_headers())
    resp.raise_for_status()
    return resp.json()["data"]


def repeat(sid, text):
    resp = client.post(TASK_URL, json={"session_id": sid, "text": text, "task_type": "repeat"}, headers=auth_headers())
    resp.raise_for_status()
    return resp.json()["data"]


def interrupt(sid):
    url = "/".join([HOST, "v1", "streaming.interrupt"])
    client.post(url, json={"session_id": sid}, headers=auth_headers()).raise_for_status()
