"""`flask --app showroom avatar open|link|say|ping|close`.

Each command is its own `flask` process, so the open session is kept in the instance
folder (instance/avatar-session.json) between them.
"""
import json
import time
from pathlib import Path
from urllib.parse import urlencode

import click
from flask import Blueprint, current_app, jsonify

from .streaming import StreamingAPI, StreamingError

bp = Blueprint("avatar", __name__, cli_group="avatar")

MEET = "https://meet.livekit.io/custom?"


def _api():
    return StreamingAPI(current_app.config["HEYGEN_API_BASE"], current_app.config["HEYGEN_API_KEY"])


def _state_file():
    return Path(current_app.instance_path) / "avatar-session.json"


def _load():
    path = _state_file()
    if not path.exists():
        raise click.ClickException("no avatar session is open (run `flask avatar open`)")
    return json.loads(path.read_text())


@bp.cli.command("open")
@click.option("--quality", type=click.Choice(["low", "medium", "high"]), default=None)
def open_command(quality):
    """Open and start a streaming session for the showroom screen."""
    if _state_file().exists():
        raise click.ClickException("a session is already open; close it first")
    api = _api()
    cfg = current_app.config
    try:
        session = api.create(cfg["AVATAR_ID"], quality or cfg["AVATAR_QUALITY"],
                             cfg.get("KNOWLEDGE_BASE_ID"))
        api.start(session["session_id"])
    except StreamingError as err:
        raise click.ClickException(str(err))
    _state_file().write_text(json.dumps({"session": session, "opened_at": time.time()}, indent=2))
    click.echo("opened %s" % session["session_id"])


@bp.cli.command("link")
def link_command():
    """Print the LiveKit Meet link the showroom screen opens."""
    session = _load()["session"]
    click.echo(MEET + urlencode({"liveKitUrl": session["url"], "token": session["access_token"]}))


@bp.cli.command("say")
@click.option("--ask", is_flag=True, help="answer from the showroom knowledge base")
@click.argument("words", nargs=-1, required=True)
def say_command(ask, words):
    session = _load()["session"]
    task = _api().speak(session["session_id"], " ".join(words), "chat" if ask else "repeat")
    click.echo("task %s" % task.get("task_id"))


@bp.cli.command("ping")
def ping_command():
    _api().keep_alive(_load()["session"]["session_id"])
    click.echo("pong")


@bp.cli.command("close")
def close_command():
    state = _load()
    _api().stop(state["session"]["session_id"])
    _state_file().unlink()
    click.echo("closed after %.0fs" % (time.time() - state["opened_at"]))


@bp.route("/screen.json")
def screen():
    """Polled by the showroom screen's page."""
    if not _state_file().exists():
        return jsonify(live=False)
    session = _load()["session"]
    return jsonify(live=True, url=session["url"], token=session["access_token"])
