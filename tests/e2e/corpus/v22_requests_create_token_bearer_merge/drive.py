"""Run the script as its user does: ``python requests_script.py`` (its ``main()``)."""

import requests_script

requests_script.main()
