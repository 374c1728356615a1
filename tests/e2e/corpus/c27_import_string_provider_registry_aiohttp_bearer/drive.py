import asyncio

import e2e_support
from tutor.service import Lesson


async def main():
    lesson = Lesson(["Fractions have a top and a bottom.", "The bottom says how many parts."])
    room = await lesson.begin()
    await asyncio.to_thread(e2e_support.viewer.join, room["url"], room["token"])
    assert await lesson.teach() == 2
    await lesson.student_raised_hand()
    await lesson.end()


asyncio.run(main())
