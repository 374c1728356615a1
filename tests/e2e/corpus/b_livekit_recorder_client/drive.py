from recorder import SessionRecorder

rec = SessionRecorder()
summary = rec.record(
    [
        "Testing line one: the quick brown fox.",
        "Testing line two: jumps over the lazy dog.",
    ]
)
assert summary["lines"] == 2, summary
assert summary["joined"] is True, summary
