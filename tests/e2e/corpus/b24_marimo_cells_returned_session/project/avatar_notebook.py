import marimo

__generated_with = "0.6.13"
app = marimo.App(width="medium")


@app.cell
def __():
    import os

    import marimo as mo
    import requests
    return mo, os, requests


@app.cell
def __(mo):
    mo.md(
        """
        # Interactive Avatar playground

        Opens a HeyGen streaming session, prints a LiveKit Meet link and lets you type
        lines for the avatar. Stop it with the last cell when you are done.
        """
    )
    return


@app.cell
def __(os, requests):
    API = "https://api.heygen.com/v1"
    http = requests.Session()
    http.headers.update({"x-api-key": os.environ["HEYGEN_API_KEY"]})
    AVATAR = os.environ.get("MARIMO_AVATAR", "Anna_public_3_20240108")
    return API, AVATAR, http


@app.cell
def __(API, AVATAR, http):
    new_resp = http.post(
        f"{API}/streaming.new",
        json={"avatar_id": AVATAR, "quality": "low", "version": "v2"},
        timeout=30,
    )
    new_resp.raise_for_status()
    session = new_resp.json()["data"]
    http.post(
        f"{API}/streaming.start", json={"session_id": session["session_id"]}, timeout=30
    ).raise_for_status()
    return new_resp, session


@app.cell
def __(mo, session):
    viewer = (
        "https://meet.livekit.io/custom?liveKitUrl="
        + session["url"]
        + "&token="
        + session["access_token"]
    )
    mo.md(f"[Open the avatar]({viewer})")
    return viewer,


@app.cell
def __(API, http, session):
    def say(text, task_type="repeat"):
        r = http.post(
            f"{API}/streaming.task",
            json={"session_id": session["session_id"], "text": text, "task_type": task_type},
            timeout=30,
        )
        r.raise_for_status()
        return r.json()["data"]["task_id"]

    def stop():
        http.post(f"{API}/streaming.stop", json={"session_id": session["session_id"]}, timeout=30)

    say("Hello from a marimo notebook!")
    return say, stop


if __name__ == "__main__":
    app.run()
