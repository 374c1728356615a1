"""An operator at a shell: `avatarctl open`, paste the viewer credentials, say things, close."""

import json

import e2e_support
from avatarctl.cli import cli
from click.testing import CliRunner

runner = CliRunner()


def avatarctl(*args: str) -> str:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


print(avatarctl("open"))
room = json.loads(avatarctl("viewer"))
e2e_support.viewer.join(room["url"], room["token"])
print(avatarctl("say", "The", "demo", "starts", "in", "five", "minutes."))
print(avatarctl("say", "--task-type", "chat", "What", "is", "on", "the", "agenda?"))
print(avatarctl("close"))
