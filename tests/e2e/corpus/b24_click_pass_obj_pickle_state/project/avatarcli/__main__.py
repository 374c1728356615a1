"""avatarctl: drive a HeyGen streaming avatar from the shell.

    python -m avatarcli open [--kb ID]
    python -m avatarcli url
    python -m avatarcli say [--chat] TEXT...
    python -m avatarcli hush
    python -m avatarcli close

The open session is pickled to $AVATARCTL_STATE (default .avatarctl.pkl) between commands.
"""
import os
import pickle
import sys

import click

from .client import StreamingClient

STATE = os.environ.get("AVATARCTL_STATE", ".avatarctl.pkl")


def save(session):
    with open(STATE, "wb") as fh:
        pickle.dump(session, fh)


def load():
    try:
        with open(STATE, "rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        raise click.UsageError("no open session; run `open` first")


@click.group()
@click.pass_context
def cli(ctx):
    key = os.environ.get("HEYGEN_API_KEY")
    if not key:
        raise click.UsageError("set HEYGEN_API_KEY")
    ctx.obj = StreamingClient(key)
    ctx.call_on_close(ctx.obj.close)


@cli.command("open")
@click.option("--kb", "knowledge_base_id", envvar="AVATARCTL_KB", default=None)
@click.pass_obj
def open_(client, knowledge_base_id):
    avatar = os.environ.get("AVATARCTL_AVATAR", "Wayne_20240711")
    session = client.new_session(avatar, knowledge_base_id)
    client.start(session["session_id"])
    save(session)
    click.echo(session["session_id"])


@cli.command()
def url():
    """Print the LiveKit URL and token for the viewer."""
    session = load()
    click.echo(f"{session['url']} {session['access_token']}")


@cli.command()
@click.option("--chat", is_flag=True)
@click.argument("text", nargs=-1, required=True)
@click.pass_obj
def say(client, chat, text):
    session = load()
    out = client.task(session["session_id"], " ".join(text), "chat" if chat else "repeat")
    click.echo(out.get("task_id", ""))


@cli.command()
@click.pass_obj
def hush(client):
    client.interrupt(load()["session_id"])


@cli.command()
@click.pass_obj
def close(client):
    session = load()
    client.stop(session["session_id"])
    os.remove(STATE)
    click.echo("closed")


if __name__ == "__main__":
    sys.exit(cli())
