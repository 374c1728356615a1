import asyncio


class SlideDeck:
    """An async iterator over (title, notes) slides, as a presentation tool would feed them."""

    def __init__(self, slides):
        self._slides = list(slides)
        self.shown = []

    def __aiter__(self):
        self._i = 0
        return self

    async def __anext__(self):
        if self._i >= len(self._slides):
            raise StopAsyncIteration
        slide = self._slides[self._i]
        self._i += 1
        await asyncio.sleep(0)
        self.shown.append(slide[0])
        return slide


async def present(deck, narrator):
    total_ms = 0.0
    async for title, notes in deck:
        total_ms += await narrator.narrate(notes)
    return total_ms
