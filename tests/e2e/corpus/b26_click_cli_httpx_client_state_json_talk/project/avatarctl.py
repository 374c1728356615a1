#!/usr/bin/env python3
"""avatarctl - drive a HeyGen interactive avatar from the shell.

    avatarctl open --kb <knowledge base id>
    avatarctl say "hello" --mode talk
    avatarctl ping
    avatarctl close
"""
import json
import os
import sys
from pathlib import Path

import click
import httpx

STATE = Path(os.getenv("AVATARCTL_STATE", "avatarctl_state.json"))


def _client() -> httpx.Client:
    key = os.getenv("HEYGEN_API_KEY")
    if not key:
        click.echo("HEYGEN_API_KEY is not set", err=True)
        sys.exit(2)
    return httpx.Client(
        base_url=os.getenv("HEYGEN_BASE", "https://api.heygen.com"),
        headers={"Authorization": f"Bearer {key}"},
        timeout=20.0,
    )


def _load() -> dict:
    if not STATE.exists():
        raise click.ClickException("no open session, run `avatarctl open` first")
    return json.loads(STATE.read_text())


def _call(client: httpx.Client, path: str, body: dict) -> dict:
    resp = client.post(path, json=body)
    if resp.is_error:
        raise click.ClickException(f"{path} failed: {resp.status_code} {resp.text[:200]}")
    return resp.json().get("data") or {}


@click.group()
def cli():
    """HeyGen interactive avatar control."""


@cli.command("open")
@click.option("--avatar", envvar="AVATARCTL_AVATAR", required=True)
@click.option("--kb", "knowledge_base", envvar="AVATARCTL_KB", default=None)
@click.option("--quality", type=click.Choice(["low", "medium", "high"]), default="medium")
def open_cmd(avatar, knowledge_base, quality):
    body = {"avatar_id": avatar, "quality": quality, "version": "v2"}
    if knowledge_base:
        body["knowledge_base_id"] = knowledge_base
    with _client() as client:
        info = _call(client, "/v1/streaming.new", body)
        _call(client, "/v1/streaming.start", {"session_id": info["session_id"]})
    STATE.write_text(json.dumps({"session_id": info["session_id"], "url": info.get("url"), "token": info.get("access_token")}))
    click.echo(json.dumps({"url": info.get("url"), "token": info.get("access_token")}))


@cli.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--mode", type=click.Choice(["repeat", "talk"]), default="repeat", show_default=True)
def say(text, mode):
    state = _load()
    with _client() as client:
        out = _call(client, "/v1/streaming.task", {"session_id": state["session_id"], "text": " ".join(text), "task_type": mode})
    click.echo(f"task {out.get('task_id', '?')}")


@cli.command()
def ping():
    state = _load()
    with _client() as client:
        _call(client, "/v1/streaming.keep_alive", {"session_id": state["session_id"]})
    click.echo("alive")


@cli.command()
def close():
    state = _load()
    with _client() as client:
        _call(client, "/v1/streaming.stop", {"session_id": state["session_id"]})
    STATE.unlink()
    click.echo("closed")


if __name__ == "__main__":
    cli()
