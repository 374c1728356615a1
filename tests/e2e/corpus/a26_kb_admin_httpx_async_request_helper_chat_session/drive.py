"""The nightly smoke test, with the QA viewer watching."""

import asyncio

import e2e_support
from faqbot.admin import smoke_test

n = asyncio.run(smoke_test(["When do you open?", "Can I return shoes?"], e2e_support.viewer.join))
assert n == 2
