"""avatar: drive a HeyGen interactive avatar from the shell.

    avatar new --avatar Anna_public_3_20240108
    avatar say "Hello there"
    avatar say --chat "What can you do?"
    avatar hush
    avatar sessions
    avatar stop
"""
import sys

import click

from . import state
from .http import ApiError, HeyGenSession


@click.group()
@click.option("--api-key", envvar="HEYGEN_API_KEY", required=True, help="HeyGen API key")
@click.pass_context
def cli(ctx, api_key):
    ctx.obj = HeyGenSession(api_key)


def _current():
    sess = state.load()
    if not sess:
        raise click.ClickException("no session: run `avatar new` first")
    return sess


@cli.command()
@click.option("--avatar", envvar="AVATAR_ID", default="Wayne_20240711", show_default=True)
@click.option("--quality", type=click.Choice(["low", "medium", "high"]), default="medium")
@click.option("--kb", "knowledge_base_id", envvar="KNOWLEDGE_BASE_ID", default=None)
@click.pass_obj
def new(http, avatar, quality, knowledge_base_id):
    """Create and start a session; print what the browser needs."""
    body = {"avatar_id": avatar, "quality": quality, "version": "v2"}
    if knowledge_base_id:
        body["knowledge_base_id"] = knowledge_base_id
    info = http.post("/streaming.new", json=body).json()["data"]
    http.post("/streaming.start", json={"session_id": info["session_id"]})
    state.save({"session_id": info["session_id"], "url": info["url"], "token": info["access_token"]})
    click.echo(f"session {info['session_id']}")
    click.echo(f"url     {info['url']}")
    click.echo(f"token   {info['access_token']}")


@cli.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--chat", is_flag=True, help="let the knowledge base answer instead of repeating")
@click.pass_obj
def say(http, words, chat):
    sess = _current()
    text = " ".join(words)
    http.post(
        "/streaming.task",
        json={"session_id": sess["session_id"], "text": text, "task_type": "chat" if chat else "repeat"},
    )
    click.echo(f"> {text}")


@cli.command()
@click.pass_obj
def hush(http):
    http.post("/streaming.interrupt", json={"session_id": _current()["session_id"]})


@cli.command()
@click.pass_obj
def sessions(http):
    """List active sessions."""
    rows = http.get("/streaming.list").json()["data"]["sessions"]
    click.echo(f"{len(rows)} active")
    for row in rows:
        click.echo(f"  {row['session_id']}")


@cli.command()
@click.pass_obj
def stop(http):
    sess = _current()
    http.post("/streaming.stop", json={"session_id": sess["session_id"]})
    state.clear()
    click.echo("stopped")


def main(argv=None):
    try:
        cli.main(args=argv, prog_name="avatar", standalone_mode=False)
    except ApiError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
