from __future__ import annotations

from flowbits import EndFrame, InterruptFrame, Pipeline, StartFrame, TextFrame

from .stages import AvatarSink, BrowserTransport, ScriptedLLM, SentenceAggregator

LESSON = {
    "greet": "Hola! Today we practice greetings. Repeat after me.",
    "next": "Buenos dias means good morning.",
}


def build(send_to_browser) -> Pipeline:
    return Pipeline([ScriptedLLM(LESSON), SentenceAggregator(), AvatarSink(), BrowserTransport(send_to_browser)])


async def run_lesson(send_to_browser) -> list[str]:
    frames = await build(send_to_browser).run(
        [StartFrame(), TextFrame("greet"), InterruptFrame(), TextFrame("next"), EndFrame()]
    )
    return [f.text for f in frames if type(f).__name__ == "SpokenFrame"]
