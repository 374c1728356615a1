"""What one phase of a case did, as a semantic trace, and what the stand-ins objected to.

Both APIs report into one :class:`Recording` per phase. Entries use a vocabulary common to the
two APIs (``speak_text``, ``interrupt``, ``viewer.join`` ...) so that a correct migration
produces the same trace as the original program, however the transport changed (REST task,
LiveKit data event, WebSocket message). Session ids differ between the phases, so the rendered
trace names sessions ``s1``, ``s2`` ... in order of first appearance.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

# The trace vocabulary and what produces it in each API (documented here once; README refers).
#   session.token        HeyGen streaming.new, or a create_token whose token no streaming.new
#                        used; LiveAvatar POST /v1/sessions/token.
#   session.start        HeyGen streaming.start; LiveAvatar POST /v1/sessions/start.
#   speak_text TEXT      HeyGen task repeat (the default); LiveAvatar avatar.speak_text.
#   speak_response TEXT  HeyGen task chat/talk; LiveAvatar avatar.speak_response.
#   speak_audio N SHA    HeyGen realtime audio_buffer_append..commit (or agent.speak..speak_end);
#                        LiveAvatar LITE agent.speak..agent.speak_end: N bytes of PCM, its hash.
#   interrupt, start_listening, stop_listening, keep_alive, stop
#   viewer.join          e2e_support.viewer.join with the credentials the program handed out.
#   list.* / context.* / video.* / avatar.list: resource calls (see heygen.py, liveavatar.py).


@dataclass
class Entry:
    kind: str
    session: str | None = None
    details: tuple[str, ...] = ()
    # HeyGen create_token is only a session when no streaming.new consumed its token.
    unless_token_used: str | None = None


@dataclass
class Recording:
    phase: str = "idle"
    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    used_tokens: set[str] = field(default_factory=set)
    # Raw request log, for failure output only (method, host, path, status).
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, session: str | None = None, *details: str) -> None:
        with self.lock:
            self.entries.append(Entry(kind, session, tuple(details)))

    def add_entry(self, entry: Entry) -> None:
        with self.lock:
            self.entries.append(entry)

    def problem(self, message: str) -> None:
        with self.lock:
            self.problems.append(message)

    def log(self, line: str) -> None:
        with self.lock:
            self.requests.append(line)

    def trace(self) -> list[str]:
        """The normalised trace: one line per entry, sessions renamed ``s1``, ``s2`` ..."""
        with self.lock:
            entries = [
                e
                for e in self.entries
                if e.unless_token_used is None or e.unless_token_used not in self.used_tokens
            ]
        labels: dict[str, str] = {}
        counts = {"s": 0, "c": 0}
        lines: list[str] = []
        for entry in entries:
            words = [entry.kind]
            if entry.kind == "list.avatars":
                # HeyGen's one avatar.list became LiveAvatar's /avatars + /avatars/public.
                if lines and lines[-1] == "list.avatars" and entry.details:
                    continue
                lines.append("list.avatars")
                continue
            if entry.session is not None:
                if entry.session not in labels:
                    prefix = "c" if entry.session.startswith("ctx:") else "s"
                    counts[prefix] += 1
                    labels[entry.session] = f"{prefix}{counts[prefix]}"
                words.append(labels[entry.session])
            words.extend(repr(detail) for detail in entry.details)
            lines.append(" ".join(words))
        return lines
