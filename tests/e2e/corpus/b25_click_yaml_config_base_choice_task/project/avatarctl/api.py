import requests


class StreamingError(Exception):
    pass


def _post(cfg, endpoint, payload):
    hg = cfg["heygen"]
    resp = requests.post(
        f"{hg['base_url']}/{endpoint}",
        json=payload,
        headers={"x-api-key": hg["api_key"], "content-type": "application/json"},
        timeout=30,
    )
    if resp.status_code != 200:
        raise StreamingError(f"{endpoint}: HTTP {resp.status_code}: {resp.text[:200]}")
    return resp.json()["data"]


def open_session(cfg):
    hg = cfg["heygen"]
    body = {"avatar_id": hg["avatar_id"], "quality": hg.get("quality", "medium"), "version": "v2"}
    if hg.get("knowledge_base_id"):
        body["knowledge_base_id"] = hg["knowledge_base_id"]
    data = _post(cfg, "streaming.new", body)
    _post(cfg, "streaming.start", {"session_id": data["session_id"]})
    return data


def speak(cfg, session_id, text, task_type="repeat"):
    return _post(cfg, "streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})


def close_session(cfg, session_id):
    _post(cfg, "streaming.stop", {"session_id": session_id})
