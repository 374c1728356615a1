"""avatarctl - drive a HeyGen interactive avatar from the command line."""
import json
import os
from pathlib import Path
from urllib.parse import urljoin

import click
import requests

BASE = os.environ.get("HEYGEN_BASE", "https://api.heygen.com/")
DEFAULT_STATE = Path.home() / ".avatarctl.json"


def _post(http, endpoint, **body):
    resp = http.post(urljoin(BASE, "v1/streaming." + endpoint), json=body, timeout=30)
    try:
        resp.raise_for_status()
    except requests.HTTPError as exc:
        raise click.ClickException(f"HeyGen returned {resp.status_code}: {resp.text}") from exc
    return resp.json()["data"]


def _session_id(obj):
    if not obj["state"].exists():
        raise click.ClickException("no open session, run `avatarctl open` first")
    with obj["state"].open() as fh:
        return json.load(fh)["session_id"]


@click.group()
@click.option("--state", type=click.Path(path_type=Path), default=DEFAULT_STATE, show_default=True)
@click.pass_context
def cli(ctx, state):
    key = os.environ.get("HEYGEN_API_KEY")
    if not key:
        raise click.ClickException("HEYGEN_API_KEY is not set")
    http = requests.Session()
    http.headers.update({"x-api-key": key})
    ctx.call_on_close(http.close)
    ctx.obj = {"state": state, "http": http}


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
    data = _post(obj["http"], "new", **body)
    _post(obj["http"], "start", session_id=data["session_id"])
    with obj["state"].open("w") as fh:
        json.dump(data, fh)
    click.echo(json.dumps(data))


@cli.command()
@click.argument("text")
@click.option("--type", "task_type", type=click.Choice(["repeat", "chat"]), default="repeat")
@click.pass_obj
def say(obj, text, task_type):
    """Make the avatar speak TEXT (repeat) or answer it (chat)."""
    _post(obj["http"], "task", session_id=_session_id(obj), text=text, task_type=task_type)
    click.echo(f"sent {task_type} task")


@cli.command()
@click.pass_obj
def interrupt(obj):
    """Stop whatever the avatar is saying."""
    _post(obj["http"], "interrupt", session_id=_session_id(obj))
    click.echo("interrupted")


@cli.command()
@click.pass_obj
def close(obj):
    """Close the session and forget it."""
    session_id = _session_id(obj)
    _post(obj["http"], "stop", session_id=session_id)
    obj["state"].unlink()
    click.echo(f"closed {session_id}")


if __name__ == "__main__":
    cli()
