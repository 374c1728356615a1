import enum
import json
from pathlib import Path

import typer

from .settings import load_settings
from .transport import ApiError, post

app = typer.Typer(help="Interactive avatar from the terminal")


class TaskType(str, enum.Enum):
    repeat = "repeat"
    chat = "chat"


def _state_file(settings) -> Path:
    return Path(settings["session_file"])


def _state(settings) -> dict:
    path = _state_file(settings)
    if not path.exists():
        typer.echo("no session: run `open` first", err=True)
        raise typer.Exit(1)
    return json.loads(path.read_text())


@app.command()
def open(kb: str = typer.Option(None, "--kb")):
    settings = load_settings()
    token = post(settings, "/v1/streaming.create_token", {})["token"]
    body = {"avatar_id": settings["avatar_id"], "quality": settings["quality"], "version": "v2"}
    if kb:
        body["knowledge_base_id"] = kb
    session = post(settings, "/v1/streaming.new", body, token=token)
    post(settings, "/v1/streaming.start", {"session_id": session["session_id"]}, token=token)
    _state_file(settings).write_text(
        json.dumps({"token": token, "session_id": session["session_id"], "url": session["url"], "access_token": session["access_token"]})
    )
    typer.echo(session["session_id"])


@app.command()
def room():
    state = _state(load_settings())
    typer.echo(json.dumps({"url": state["url"], "token": state["access_token"]}))


@app.command()
def say(words: list, task_type: TaskType = typer.Option(TaskType.repeat, "--task-type")):
    settings = load_settings()
    state = _state(settings)
    try:
        post(settings, "/v1/streaming.task", {"session_id": state["session_id"], "text": " ".join(words), "task_type": task_type.value}, token=state["token"])
    except ApiError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1)


@app.command()
def close():
    settings = load_settings()
    state = _state(settings)
    post(settings, "/v1/streaming.stop", {"session_id": state["session_id"]}, token=state["token"])
    _state_file(settings).unlink()
    typer.echo("closed")
