"""A shell session: open (the browser joins what it printed), say, ask, ping, close."""

import json

from avatarctl import cli
from click.testing import CliRunner
from e2e_support import viewer

runner = CliRunner()


def run(*args):
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


room = json.loads(run("open", "--quality", "low").strip().splitlines()[-1])
viewer.join(room["url"], room["token"])
run("say", "Welcome", "to", "the", "lab!")
run("say", "What", "can", "I", "see", "here?", "--mode", "talk")
run("ping")
run("close")
