"""A terminal session: new, show (open the link), speak, keep-alive, speak, stop."""

import os
from urllib.parse import parse_qs, urlsplit

from avatar_cli.main import cli
from click.testing import CliRunner
from e2e_support import viewer

os.environ["AVATAR_STATE"] = os.path.abspath(".avatar-state.json")
runner = CliRunner()


def avatar(*args: str) -> str:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


print(avatar("new", "--quality", "low"))
link = avatar("show").strip()
query = parse_qs(urlsplit(link).query)
viewer.join(query["liveKitUrl"][0], query["token"][0])
avatar("speak", "Good", "morning,", "team.")
avatar("keep-alive")
avatar("speak", "The stand-up starts in five minutes.")
print(avatar("stop"))
