"""Request handling for the customers' frontends: (tenant, action, body) -> JSON dict."""
from avatarhub import client
from avatarhub.tenants import get_tenant

# tenant slug -> session id of that customer's live avatar
SESSIONS = {}


def open_session(tenant):
    data = client.call(
        tenant,
        "/v1/streaming.new",
        {"avatar_id": tenant.avatar_id, "quality": tenant.quality, "version": "v2"},
    )
    client.call(tenant, "/v1/streaming.start", {"session_id": data["session_id"]})
    SESSIONS[tenant.slug] = data["session_id"]
    return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}


def say(tenant, text):
    session_id = SESSIONS[tenant.slug]
    data = client.call(tenant, "/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})
    return {"ok": True, "task_id": data.get("task_id")}


def interrupt(tenant):
    client.call(tenant, "/v1/streaming.interrupt", {"session_id": SESSIONS[tenant.slug]})
    return {"ok": True}


def close(tenant):
    session_id = SESSIONS.pop(tenant.slug, None)
    if session_id is None:
        return {"ok": False, "error": "no session"}
    client.call(tenant, "/v1/streaming.stop", {"session_id": session_id})
    return {"ok": True}


def handle(tenant_slug, action, body):
    tenant = get_tenant(tenant_slug)
    if action == "open":
        return open_session(tenant)
    if action == "say":
        return say(tenant, body["text"])
    if action == "interrupt":
        return interrupt(tenant)
    if action == "close":
        return close(tenant)
    return {"ok": False, "error": f"unknown action {action}"}


def shutdown():
    client.close_all()
