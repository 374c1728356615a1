"""A lesson: the page joins, the tutor explains, a student asks, the lesson ends."""

import e2e_support
from tutor import Tutor

t = Tutor()
url, token = t.begin()
e2e_support.viewer.join(url, token)
t.explain("Today we look at fractions.")
t.answer("What is one half plus one quarter?")
t.still_here()
t.end()
assert t.sid is None
