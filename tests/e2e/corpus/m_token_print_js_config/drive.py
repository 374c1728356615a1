"""Run the generator before a demo, as its README says, and check the page's config."""

import json
import re
from pathlib import Path

import gen_config

assert gen_config.main([]) == 0
js = Path("public/config.js").read_text(encoding="utf-8")
config = json.loads(re.search(r"window\.HEYGEN_CONFIG = (\{.*\});", js, re.S).group(1))
assert isinstance(config["token"], str) and config["token"], config
