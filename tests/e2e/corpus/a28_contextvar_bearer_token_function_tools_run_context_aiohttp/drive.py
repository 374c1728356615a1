"""A short Spanish lesson: two phrases and one grammar question."""

import asyncio

import e2e_support
from tutor.lesson import end_lesson, make_tutor, start_lesson

PLANS = {
    "greet": [("say_phrase", {"phrase": "Buenos días, ¿cómo estás?"})],
    "ser vs estar?": [("answer_question", {"question": "When do I use ser instead of estar?"})],
    "bye": [("say_phrase", {"phrase": "¡Hasta mañana!"})],
}


async def main() -> None:
    ctx = await start_lesson("maria", e2e_support.viewer.join)
    tutor = make_tutor(lambda text: PLANS[text])
    for turn in PLANS:
        await tutor.run(ctx, turn)
    assert ctx.context.spoken == ["Buenos días, ¿cómo estás?", "¡Hasta mañana!"]
    await end_lesson(ctx)


asyncio.run(main())
