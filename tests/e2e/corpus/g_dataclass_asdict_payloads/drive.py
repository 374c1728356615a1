"""One Spanish lesson, as the tutor app runs it."""

import e2e_support
import tutor

lesson = tutor.Lesson()
room = lesson.begin()
e2e_support.viewer.join(room["url"], room["access_token"])
lesson.teach("Hola means hello.")
lesson.quiz("How do you say good morning in Spanish?")
lesson.end()
