from urllib.parse import urlencode

import click

from . import state
from .api import Api

MEET = "https://meet.livekit.io/custom?"


@click.group()
@click.option("--api-key", envvar="HEYGEN_API_KEY", required=True, help="HeyGen API key")
@click.option("--base", envvar="HEYGEN_BASE", default="https://api.heygen.com", show_default=True)
@click.pass_context
def cli(ctx, api_key, base):
    """Talk to a HeyGen interactive avatar from the terminal."""
    ctx.obj = Api(api_key, base)


@cli.command()
@click.option("--avatar", envvar="AVATAR_ID", required=True)
@click.option("--quality", type=click.Choice(["low", "medium", "high"]), default="medium")
@click.pass_obj
def new(api, avatar, quality):
    """Create and start a session; the session is remembered for the other commands."""
    if state.load():
        raise click.ClickException("a session is already open; run `avatar stop` first")
    data = api.post("new", avatar_id=avatar, quality=quality, version="v2")
    api.post("start", session_id=data["session_id"])
    state.save(data)
    click.echo(f"session {data['session_id']} started; `avatar show` prints the viewer link")


@cli.command()
def show():
    """Print the LiveKit Meet link of the current session."""
    data = state.load()
    if not data:
        raise click.ClickException("no session")
    click.echo(MEET + urlencode({"liveKitUrl": data["url"], "token": data["access_token"]}))


@cli.command()
@click.argument("text", nargs=-1, required=True)
@click.pass_obj
def speak(api, text):
    data = state.load() or {}
    api.post("task", session_id=data["session_id"], text=" ".join(text), task_type="repeat")


@cli.command("keep-alive")
@click.pass_obj
def keep_alive(api):
    api.post("keep_alive", session_id=state.load()["session_id"])


@cli.command()
@click.pass_obj
def stop(api):
    data = state.load()
    if data:
        api.post("stop", session_id=data["session_id"])
        state.clear()
    click.echo("stopped")
