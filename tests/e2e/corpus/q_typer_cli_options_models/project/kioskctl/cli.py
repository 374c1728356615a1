"""kioskctl: operate the museum kiosk avatar from a shell."""
import os
from pathlib import Path

import typer

from kioskctl import api

app = typer.Typer(help="Operate the kiosk avatar")

STATE = Path(os.environ.get("KIOSK_HOME", Path.home())) / ".kiosk-session"


def _session_id():
    if not STATE.exists():
        typer.echo("no session open", err=True)
        raise typer.Exit(1)
    return STATE.read_text().strip()


@app.command()
def open(
    quality: str = typer.Option("medium", "--quality", help="low, medium or high"),
    avatar: str = typer.Option(os.environ.get("KIOSK_AVATAR", "Anna_public_3_20240108"), "--avatar"),
):
    """Open a session and print the room for the kiosk screen."""
    session = api.new_session(avatar, quality, os.environ.get("KIOSK_KB"))
    api.start_session(session.session_id)
    STATE.write_text(session.session_id)
    typer.echo(f"session={session.session_id} url={session.url} token={session.access_token}")


@app.command()
def say(text: str, task_type: str = typer.Option("repeat", "--task-type")):
    """Speak TEXT (repeat) or answer it (talk)."""
    result = api.send_task(_session_id(), text, task_type=task_type)
    typer.echo(f"task {result.task_id}")


@app.command()
def listen(stop: bool = typer.Option(False, "--stop")):
    """Start (or --stop) listening to visitors."""
    api.listening(_session_id(), on=not stop)
    typer.echo("listening" if not stop else "not listening")


@app.command()
def close():
    """Close the session."""
    ok = api.stop_session(_session_id())
    STATE.unlink()
    typer.echo("closed" if ok else "close failed")
