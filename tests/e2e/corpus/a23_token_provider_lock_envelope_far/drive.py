"""The support page opens; the visitor asks two questions."""

import asyncio

import e2e_support
from support.agent import run_shift


def publish(config: dict) -> None:
    e2e_support.viewer.join(config["serverUrl"], config["participantToken"])


asyncio.run(run_shift(["How do I reset my password?", "Can I change my plan?"], publish))
