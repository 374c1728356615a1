import json
from pathlib import Path

import click

from . import api, config


def _state_path(cfg):
    return Path(cfg["defaults"].get("state_file", ".avatar-session.json"))


@click.group()
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@click.pass_context
def cli(ctx, config_path):
    """Drive a HeyGen interactive avatar from the shell."""
    ctx.obj = config.load(config_path)


@cli.command("open")
@click.option("--greet/--no-greet", default=True)
@click.pass_obj
def open_cmd(cfg, greet):
    data = api.open_session(cfg)
    _state_path(cfg).write_text(json.dumps({"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}))
    if greet:
        api.speak(cfg, data["session_id"], cfg["defaults"]["greeting"])
    click.echo(f"session {data['session_id']} is live")


@cli.command()
@click.pass_obj
def viewer(cfg):
    state = json.loads(_state_path(cfg).read_text())
    click.echo(json.dumps({"url": state["url"], "token": state["token"]}))


@cli.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--task-type", type=click.Choice(["repeat", "chat"]), default="repeat", show_default=True)
@click.pass_obj
def say(cfg, text, task_type):
    state = json.loads(_state_path(cfg).read_text())
    api.speak(cfg, state["session_id"], " ".join(text), task_type=task_type)
    click.echo("ok")


@cli.command()
@click.pass_obj
def close(cfg):
    path = _state_path(cfg)
    state = json.loads(path.read_text())
    api.close_session(cfg, state["session_id"])
    path.unlink()
    click.echo("closed")


if __name__ == "__main__":
    cli()
