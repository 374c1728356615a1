"""``engine.diff.line_opcodes``: the difference of two line lists, as ``difflib`` gives it,
with the common first and last lines set aside (repeated lines made the matcher quadratic)."""

from __future__ import annotations

import random

from heygen2liveavatar.engine.diff import line_opcodes


def _applied(old: list[str], new: list[str]) -> list[str]:
    rebuilt: list[str] = []
    cursor = 0
    for tag, i1, i2, j1, j2 in line_opcodes(old, new):
        assert i1 == cursor, "the opcodes cover the old lines in order"
        if tag == "equal":
            assert old[i1:i2] == new[j1:j2]
        rebuilt += new[j1:j2]
        cursor = i2
    assert cursor == len(old)
    return rebuilt


def test_the_opcodes_turn_old_into_new() -> None:
    generator = random.Random(16)
    words = ["\\\n", "\n", "a = 1\n", "b = 2\n", "return x\n"]
    for _ in range(300):
        old = [generator.choice(words) for _ in range(generator.randrange(0, 30))]
        new = list(old)
        for _ in range(generator.randrange(0, 4)):
            at = generator.randrange(0, len(new) + 1)
            if new and generator.random() < 0.5:
                del new[min(at, len(new) - 1)]
            else:
                new.insert(at, generator.choice(words))
        assert _applied(old, new) == new


def test_a_long_run_of_one_line_around_a_change() -> None:
    # The reduction's placeholder: thousands of identical continuation lines after a change.
    old = ["x = 1\n", "(h2l_opaque_0_0,\\\n", *["\\\n"] * 20000, ")\n"]
    new = ["x = 2\n", *old[1:]]
    assert line_opcodes(old, new)[0] == ("replace", 0, 1, 0, 1)
    assert _applied(old, new) == new
