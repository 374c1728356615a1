"""Employee onboarding workflow: an avatar greets the new hire, explains the first week.

Each step takes the workflow context dict and returns it (so steps can be retried by the
engine). The HeyGen session lives for the duration of the workflow run.
"""
import os

import httpx

BASE_URL = os.getenv("HEYGEN_API_BASE", "https://api.heygen.com/v1")

GREETING = "Welcome to the company, {employee}! I'm your onboarding guide."
FIRST_WEEK = "This week you'll meet the {team} team and set up your laptop."


def _client():
    return httpx.Client(
        base_url=BASE_URL,
        headers={"accept": "application/json", "content-type": "application/json"},
        timeout=30,
    )


def _bearer(ctx):
    return {"Authorization": f"Bearer {ctx['stream']['token']}"}


def open_session(ctx):
    with _client() as client:
        token = client.post(
            "/streaming.create_token", headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}
        ).json()["data"]["token"]
        base_headers = dict(client.headers)
        r = client.post(
            "/streaming.new",
            headers={**base_headers, "Authorization": f"Bearer {token}"},
            json={
                "avatar_id": os.getenv("ONBOARDING_AVATAR", "Anna_public_3_20240108"),
                "quality": "medium",
                "version": "v2",
                "disable_idle_timeout": True,
            },
        )
        r.raise_for_status()
        data = r.json()["data"]
        client.post(
            "/streaming.start",
            headers={**base_headers, "Authorization": f"Bearer {token}"},
            json={"session_id": data["session_id"]},
        ).raise_for_status()
    ctx["stream"] = {
        "token": token,
        "session_id": data["session_id"],
        "url": data["url"],
        "access_token": data["access_token"],
    }
    return ctx


def _say(ctx, text):
    with _client() as client:
        r = client.post(
            "/streaming.task",
            headers=_bearer(ctx),
            json={"session_id": ctx["stream"]["session_id"], "text": text, "task_type": "repeat"},
        )
        r.raise_for_status()


def greet(ctx):
    _say(ctx, GREETING.format(**ctx))
    return ctx


def explain_first_week(ctx):
    _say(ctx, FIRST_WEEK.format(**ctx))
    return ctx


def hand_over(ctx):
    # the avatar stops listening; a human buddy takes over in the call
    with _client() as client:
        client.post(
            "/streaming.stop_listening",
            headers=_bearer(ctx),
            json={"session_id": ctx["stream"]["session_id"]},
        ).raise_for_status()
    return ctx


def close_session(ctx):
    with _client() as client:
        client.post(
            "/streaming.stop",
            headers=_bearer(ctx),
            json={"session_id": ctx["stream"]["session_id"]},
        )
    ctx["status"] = "done"
    return ctx


STEPS = [
    ("open", open_session),
    ("greet", greet),
    ("first_week", explain_first_week),
    ("hand_over", hand_over),
    ("close", close_session),
]


def run_workflow(ctx, steps=None):
    for name, step in steps or STEPS:
        ctx = step(ctx)
        ctx.setdefault("log", []).append(name)
    return ctx
