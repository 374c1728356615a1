"""avatarctl - drive a HeyGen interactive avatar from the command line.

    export HEYGEN_API_KEY=...
    avatarctl open --quality medium      # prints the LiveKit url + token for the viewer page
    avatarctl say "Hello there"
    avatarctl say --type chat "What is on the menu?"
    avatarctl interrupt
    avatarctl close
"""
import json
import os
from pathlib import Path

import click
import requests

BASE = "https://api.heygen.com"
DEFAULT_STATE = Path.home() / ".avatarctl.json"


def _headers():
    key = os.environ.get("HEYGEN_API_KEY")
    if not key:
        raise click.ClickException("HEYGEN_API_KEY is not set")
    return {"x-api-key": key, "Content-Type": "application/json"}


def _load(path):
    if not path.exists():
        raise click.ClickException("no open session, run `avatarctl open` first")
    return json.loads(path.read_text())


def _check(resp):
    if resp.status_code != 200:
        raise click.ClickException(f"HeyGen returned {resp.status_code}: {resp.text}")
    return resp.json()


@click.group()
@click.option("--state", type=click.Path(path_type=Path), default=DEFAULT_STATE, show_default=True)
@click.pass_context
def cli(ctx, state):
    ctx.obj = {"state": state}


@cli.command("open")
@click.option("--quality", type=click.Choice(["low", "medium", "high"]), default="medium")
@click.option("--avatar", envvar="AVATARCTL_AVATAR", required=True)
@click.option("--kb", envvar="AVATARCTL_KB", default=None)
@click.pass_obj
def open_session(obj, quality, avatar, kb):
    """Create and start a streaming session."""
    body = {"avatar_id": avatar, "quality": quality, "version": "v2"}
    if kb:
        body["knowledge_base_id"] = kb
    data = _check(requests.post(f"{BASE}/v1/streaming.new", headers=_headers(), json=body, timeout=30))["data"]
    session_id = data["session_id"]
    _check(requests.post(f"{BASE}/v1/streaming.start", headers=_headers(), json={"session_id": session_id}, timeout=30))
    obj["state"].write_text(json.dumps({"session_id": session_id}))
    click.echo(json.dumps({"session_id": session_id, "url": data["url"], "access_token": data["access_token"]}))


@cli.command()
@click.argument("text")
@click.option("--type", "task_type", type=click.Choice(["repeat", "chat"]), default="repeat")
@click.pass_obj
def say(obj, text, task_type):
    """Make the avatar speak TEXT (repeat) or answer it (chat)."""
    session_id = _load(obj["state"])["session_id"]
    _check(
        requests.post(
            f"{BASE}/v1/streaming.task",
            headers=_headers(),
            json={"session_id": session_id, "text": text, "task_type": task_type},
            timeout=30,
        )
    )
    click.echo(f"sent {task_type} task")


@cli.command()
@click.pass_obj
def interrupt(obj):
    """Stop whatever the avatar is saying."""
    session_id = _load(obj["state"])["session_id"]
    _check(requests.post(f"{BASE}/v1/streaming.interrupt", headers=_headers(), json={"session_id": session_id}, timeout=30))
    click.echo("interrupted")


@cli.command()
@click.pass_obj
def close(obj):
    """Close the session and forget it."""
    state = obj["state"]
    session_id = _load(state)["session_id"]
    _check(requests.post(f"{BASE}/v1/streaming.stop", headers=_headers(), json={"session_id": session_id}, timeout=30))
    state.unlink()
    click.echo(f"closed {session_id}")


if __name__ == "__main__":
    cli()
