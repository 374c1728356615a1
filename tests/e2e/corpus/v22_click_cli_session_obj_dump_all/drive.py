"""An operator running `avatarctl` from a shell, one command per invocation."""

import json

import e2e_support
from avatarctl.cli import cli
from click.testing import CliRunner

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(cli, ["--state", "avatar-state.json", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


info = json.loads(run("open", "--quality", "low"))
e2e_support.viewer.join(info["url"], info["access_token"])
run("say", "Good morning, and welcome to the lobby.")
run("say", "--type", "chat", "What can visitors do here today?")
run("interrupt")
run("close")
