"""A small validator for LiveAvatar request bodies, FastAPI-strict (api-reference section 3).

LiveAvatar validates with pydantic: unknown fields, wrong types and ``null`` where a value is
required are all 422s. Each check returns readable messages (``avatar_persona.voice_id: ...``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Callable

Check = Callable[[Any, str, list[str]], None]


def _where(loc: str) -> str:
    return loc or "body"


def is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def uuid_value(value: Any, loc: str, errors: list[str]) -> None:
    if not is_uuid(value):
        errors.append(f"{_where(loc)}: {value!r} is not a UUID")


def string(value: Any, loc: str, errors: list[str]) -> None:
    if not isinstance(value, str):
        errors.append(f"{_where(loc)}: {value!r} is not a string")


def boolean(value: Any, loc: str, errors: list[str]) -> None:
    if not isinstance(value, bool):
        errors.append(f"{_where(loc)}: {value!r} is not a boolean")


def integer(minimum: int | None = None, maximum: int | None = None) -> Check:
    def check(value: Any, loc: str, errors: list[str]) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            errors.append(f"{_where(loc)}: {value!r} is not an integer")
        elif (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            errors.append(f"{_where(loc)}: {value!r} is outside [{minimum}, {maximum}]")

    return check


def number(minimum: float, maximum: float) -> Check:
    def check(value: Any, loc: str, errors: list[str]) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            errors.append(f"{_where(loc)}: {value!r} is not a number")
        elif not minimum <= value <= maximum:
            errors.append(f"{_where(loc)}: {value!r} is outside [{minimum}, {maximum}]")

    return check


def enum(*values: str) -> Check:
    def check(value: Any, loc: str, errors: list[str]) -> None:
        if value not in values:
            errors.append(f"{_where(loc)}: {value!r} is not one of {list(values)}")

    return check


def const(expected: str) -> Check:
    return enum(expected)


def nullable(inner: Check) -> Check:
    def check(value: Any, loc: str, errors: list[str]) -> None:
        if value is not None:
            inner(value, loc, errors)

    return check


def str_dict(max_entries: int) -> Check:
    def check(value: Any, loc: str, errors: list[str]) -> None:
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            errors.append(f"{_where(loc)}: {value!r} is not an object of strings")
        elif len(value) > max_entries:
            errors.append(f"{_where(loc)}: more than {max_entries} entries")

    return check


def list_of(inner: Check) -> Check:
    def check(value: Any, loc: str, errors: list[str]) -> None:
        if not isinstance(value, list):
            errors.append(f"{_where(loc)}: {value!r} is not a list")
            return
        for index, item in enumerate(value):
            inner(item, f"{loc}[{index}]", errors)

    return check


@dataclass
class Obj:
    """An object schema: ``fields`` name -> check; ``required`` names; nothing else allowed."""

    fields: Mapping[str, Check]
    required: frozenset[str] = field(default_factory=frozenset)

    def __call__(self, value: Any, loc: str, errors: list[str]) -> None:
        if not isinstance(value, dict):
            errors.append(f"{_where(loc)}: {value!r} is not an object")
            return
        prefix = f"{loc}." if loc else ""
        for name in sorted(self.required - set(value)):
            errors.append(f"{prefix}{name}: field required")
        for name, item in value.items():
            check = self.fields.get(name)
            if check is None:
                errors.append(f"{prefix}{name}: extra field not permitted")
            elif item is None and not _accepts_null(check):
                errors.append(f"{prefix}{name}: None is not a valid value")
            else:
                check(item, f"{prefix}{name}", errors)


def obj(fields: Mapping[str, Check], *required: str) -> Obj:
    return Obj(fields, frozenset(required))


def _accepts_null(check: Check) -> bool:
    return getattr(check, "__qualname__", "").startswith("nullable.")


def discriminated(key: str, variants: Mapping[str, Obj]) -> Check:
    def check(value: Any, loc: str, errors: list[str]) -> None:
        if not isinstance(value, dict) or value.get(key) not in variants:
            errors.append(f"{_where(loc)}: needs {key} in {sorted(variants)}, got {value!r}")
            return
        variants[value[key]](value, loc, errors)

    return check


def validate(value: Any, check: Check) -> list[str]:
    errors: list[str] = []
    check(value, "", errors)
    return errors


# The LiveAvatar schemas (api-reference 3.3, 3.4, 3.2) -------------------------------------------
VIDEO_SETTINGS = nullable(
    obj(
        {
            "quality": enum("very_high", "high", "medium", "low"),
            "encoding": enum("VP8", "H264"),
        }
    )
)
SPEED = number(0.8, 1.2)
UNIT = number(0.0, 1.0)
VOICE_SETTINGS = discriminated(
    "provider",
    {
        "elevenLabs": obj(
            {
                "provider": const("elevenLabs"),
                "speed": SPEED,
                "stability": UNIT,
                "similarity_boost": UNIT,
                "style": UNIT,
                "use_speaker_boost": boolean,
                "model": enum("eleven_flash_v2_5", "eleven_multilingual_v2"),
                "apply_language_text_normalization": boolean,
            },
            "provider",
        ),
        "fish": obj(
            {
                "provider": const("fish"),
                "speed": SPEED,
                "model": enum("s1", "s2"),
                "latency_mode": enum("normal", "balanced"),
            },
            "provider",
        ),
    },
)
AVATAR_PERSONA = obj(
    {
        "voice_id": uuid_value,
        "context_id": uuid_value,
        "language": string,
        "voice_settings": VOICE_SETTINGS,
        "stt_config": obj(
            {"provider": enum("deepgram", "assembly_ai", "gladia", "elevenlabs")}, "provider"
        ),
    }
)
VOICE_AGENT = obj({"id": uuid_value, "language": string, "dynamic_variables": str_dict(50)}, "id")
COMMON = {
    "avatar_id": uuid_value,
    "is_sandbox": boolean,
    "video_settings": VIDEO_SETTINGS,
    "max_session_duration": integer(1),
}
FULL_TOKEN = obj(
    {
        **COMMON,
        "mode": const("FULL"),
        "avatar_persona": AVATAR_PERSONA,
        "voice_agent": VOICE_AGENT,
        "interactivity_type": enum("CONVERSATIONAL", "PUSH_TO_TALK"),
        "llm_configuration_id": uuid_value,
        "dynamic_variables": str_dict(50),
        "memory": obj({"prev_session_id": uuid_value, "session_memory_id": uuid_value}),
    },
    "avatar_id",
)
LITE_TOKEN = obj(
    {
        **COMMON,
        "mode": const("LITE"),
        "livekit_config": obj(
            {"livekit_url": string, "livekit_room": string, "livekit_client_token": string},
            "livekit_url",
            "livekit_room",
            "livekit_client_token",
        ),
        "agora_config": obj(
            {
                "agora_app_id": string,
                "agora_token": string,
                "agora_channel": string,
                "agora_uid": string,
            },
            "agora_app_id",
            "agora_token",
            "agora_channel",
            "agora_uid",
        ),
        "elevenlabs_agent_config": obj(
            {
                "secret_id": uuid_value,
                "agent_id": string,
                "voice_id": string,
                "dynamic_variables": str_dict(50),
            },
            "secret_id",
            "agent_id",
        ),
        "openai_realtime_config": obj(
            {
                "secret_id": uuid_value,
                "context_id": uuid_value,
                "voice": string,
                "temperature": number(0.6, 1.2),
                "model": string,
            },
            "secret_id",
        ),
        "gemini_realtime_config": obj(
            {
                "secret_id": uuid_value,
                "context_id": uuid_value,
                "voice": string,
                "temperature": number(0.0, 2.0),
                "model": string,
            },
            "secret_id",
        ),
    },
    "avatar_id",
)
END_REASONS = (
    "UNKNOWN",
    "USER_DISCONNECTED",
    "SERVER_ERROR",
    "IDLE_TIMEOUT",
    "NO_CREDITS",
    "USER_CLOSED",
    "AVATAR_DELETED",
    "MAX_DURATION_REACHED",
    "ZOMBIE_SESSION_REAP",
    "AGENT_HANG_UP",
)
STOP = obj({"session_id": uuid_value, "reason": enum(*END_REASONS)})
KEEP_ALIVE = obj({"session_id": uuid_value})
CONTEXT = obj(
    {
        "name": string,
        "prompt": string,
        "opening_text": string,
        "links": list_of(obj({"url": string, "faq": string, "id": string}, "url")),
    },
    "name",
    "prompt",
    "opening_text",
)
