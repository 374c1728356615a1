"""Framework integrations of HeyGen's Streaming API and their LiveAvatar successors, as data.

Read from the wheels on PyPI (``pip download --no-deps``), not from docs:

* pipecat-ai 0.0.80, 0.0.85, 0.0.97 (``pipecat.services.heygen.api``), 0.0.98 (``api`` split
  into ``api_interactive_avatar`` + ``api_liveavatar``, ``ServiceType``), 0.0.100, 0.0.101,
  0.0.102 (``VideoSettings``/``VideoQuality``/``is_sandbox``, mode ``LITE``), 0.0.103, 1.0.0
  and 1.14.0 (the newest; same API as 0.0.102 plus ``max_session_duration``).
* vision-agents-plugins-heygen 0.6.1 (deprecated in favour of the LiveAvatar plugin),
  vision-agents-plugins-liveavatar 0.6.0 (its first release) and 0.6.9, and the ``heygen`` /
  ``liveavatar`` extras of vision-agents 0.5.9, 0.6.0 and 0.6.9.
* livekit-plugins-hgl 1.2.18 and 1.2.20 (all releases that exist), livekit-plugins-liveavatar
  1.3.6 (its first release) and 1.8.9, livekit-agents 1.2.18, 1.3.6 and 1.8.9.

Everything a H2L5xx rule or the dependency rewriter needs to know about these packages lives
here; the rules hold only the transformation logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# --------------------------------------------------------------------------------------
# pipecat-ai (rule H2L501)
# --------------------------------------------------------------------------------------

PIPECAT_PACKAGE = "pipecat-ai"
PIPECAT_EXTRA = "heygen"
# 0.0.98 added the LiveAvatar service but without ``VideoSettings``/``VideoQuality``/
# ``is_sandbox`` and with mode "CUSTOM" (and, until 0.0.100, with the user token standing in
# for the agent token, which broke ``HeyGenTransport``). The rewrite emits ``VideoSettings``,
# so the lowest version it can run on is 0.0.102.
PIPECAT_MIN_VERSION = "0.0.102"
PIPECAT_RANGE = "pipecat-ai 0.0.80 to 1.x (the HeyGen service; LiveAvatar objects need >= 0.0.102)"

# Where HeyGen's request models lived: ``api`` until 0.0.97, ``api_interactive_avatar`` after.
PIPECAT_HEYGEN_API_MODULES: tuple[str, ...] = (
    "pipecat.services.heygen.api",
    "pipecat.services.heygen.api_interactive_avatar",
)
PIPECAT_LIVEAVATAR_API_MODULE = "pipecat.services.heygen.api_liveavatar"
# Names without a LiveAvatar successor that code still references stay importable from here
# (it exists in every pipecat release that has the LiveAvatar service).
PIPECAT_LEGACY_API_MODULE = "pipecat.services.heygen.api_interactive_avatar"
PIPECAT_CLIENT_MODULE = "pipecat.services.heygen.client"

# HeyGen name -> LiveAvatar name in ``api_liveavatar`` (``None``: no successor).
PIPECAT_API_SYMBOLS: dict[str, str | None] = {
    "NewSessionRequest": "LiveAvatarNewSessionRequest",
    "AvatarQuality": "VideoQuality",
    "VideoEncoding": "VideoEncoding",
    "HeyGenApi": "LiveAvatarApi",
    "HeygenApiError": "LiveAvatarApiError",
    "VoiceSettings": None,
    "ElevenLabsSettings": None,
    "VoiceEmotion": None,
    "HeyGenSession": None,
}
PIPECAT_REQUEST = "NewSessionRequest"
PIPECAT_API_CLIENT = "HeyGenApi"
PIPECAT_VIDEO_SETTINGS = "VideoSettings"
PIPECAT_VIDEO_ENCODING = "VideoEncoding"
PIPECAT_AVATAR_PERSONA = "AvatarPersona"
PIPECAT_SERVICE_TYPE = "ServiceType"
PIPECAT_LIVE_AVATAR = "LIVE_AVATAR"
PIPECAT_INTERACTIVE_AVATAR = "INTERACTIVE_AVATAR"
# ``VideoSettings.encoding`` is required. HeyGen's server default was VP8, but pipecat decodes
# the LiveKit track itself (either codec works), LiveAvatar has deprecated VP8 and pipecat's own
# default for LiveAvatar is H264: a quality without an encoding gets H264.
PIPECAT_DEFAULT_ENCODING = "H264"
# ``LiveAvatarNewSessionRequest.avatar_id`` is required; pipecat's own default avatar for
# LiveAvatar (client.py) stands in for HeyGen's implicit default avatar.
PIPECAT_DEFAULT_AVATAR_ID = "1c690fe7-23e0-49f9-bfba-14344450285b"

# Classes that pick the API by ``service_type`` (default INTERACTIVE_AVATAR, under which a
# ``LiveAvatarNewSessionRequest`` is ignored with only a warning). Keyword-only in every
# release except ``HeyGenTransport`` (``session, api_key, params, input_name, output_name,
# session_request, service_type``).
PIPECAT_SERVICE_CLASSES: tuple[str, ...] = (
    "pipecat.services.heygen.video.HeyGenVideoService",
    "pipecat.services.heygen.client.HeyGenClient",
    "pipecat.transports.heygen.transport.HeyGenTransport",
)
PIPECAT_SERVICE_REQUEST_PARAM = "session_request"
PIPECAT_SERVICE_TYPE_PARAM = "service_type"
# Positions of those two parameters in ``HeyGenTransport(...)``.
PIPECAT_TRANSPORT_POSITIONS: dict[str, int] = {
    PIPECAT_SERVICE_REQUEST_PARAM: 5,
    PIPECAT_SERVICE_TYPE_PARAM: 6,
}
# Modules whose star import hides names the rule would have to rewrite.
PIPECAT_MODULES: tuple[str, ...] = (
    *PIPECAT_HEYGEN_API_MODULES,
    "pipecat.services.heygen.video",
    "pipecat.services.heygen.client",
    "pipecat.transports.heygen.transport",
)

# ``NewSessionRequest`` field -> where it goes on ``LiveAvatarNewSessionRequest``.
PIPECAT_FIELD_AVATAR = ("avatar_id", "avatarName", "avatar_name")
PIPECAT_FIELD_QUALITY = "quality"
PIPECAT_FIELD_ENCODING = "video_encoding"
PIPECAT_FIELD_VOICE = "voice"
PIPECAT_FIELD_KNOWLEDGE_ID = "knowledge_id"
PIPECAT_VOICE_ID_FIELDS = ("voice_id", "voiceId")
PIPECAT_DROPPED_SILENTLY: tuple[str, ...] = ("version",)
PIPECAT_DROPPED_WITH_REASON: dict[str, str] = {
    "knowledge_base": (
        "LiveAvatar has no inline knowledge-base prompt: create a Context "
        "(POST /v1/contexts) and pass its id as `AvatarPersona(context_id=...)`"
    ),
    "disable_idle_timeout": (
        "LiveAvatar has a fixed 5-minute idle timeout; `disable_idle_timeout` was dropped"
    ),
    "activity_idle_timeout": (
        "LiveAvatar has a fixed 5-minute idle timeout; `activity_idle_timeout` was dropped "
        "(do not use `max_session_duration`: it caps the whole session)"
    ),
}
PIPECAT_VOICE_DROPPED_REASON = (
    "`rate`, `emotion` and `elevenlabs_settings` have no field on "
    "`LiveAvatarNewSessionRequest` and were dropped"
)
PIPECAT_PERSONA_NOTE = (
    "HeyGen voice and knowledge ids do not carry over: use the UUIDs of a LiveAvatar voice "
    "and Context in `AvatarPersona` (pipecat speaks through its own TTS in LITE mode, so the "
    "persona only matters in FULL mode)"
)

# --------------------------------------------------------------------------------------
# Vision Agents (rule H2L502)
# --------------------------------------------------------------------------------------

VISION_AGENTS_PACKAGE = "vision-agents"
VISION_HEYGEN_PACKAGE = "vision-agents-plugins-heygen"
VISION_LIVEAVATAR_PACKAGE = "vision-agents-plugins-liveavatar"
VISION_MIN_VERSION = "0.6.0"
"""First vision-agents-plugins-liveavatar, and first vision-agents with a ``liveavatar`` extra."""
VISION_HEYGEN_EXTRA = "heygen"
VISION_LIVEAVATAR_EXTRA = "liveavatar"
VISION_RANGE = (
    "vision-agents-plugins-heygen 0.1.0 to 0.6.1 -> vision-agents-plugins-liveavatar >= 0.6.0"
)
VISION_HEYGEN_MODULE = "vision_agents.plugins.heygen"
VISION_LIVEAVATAR_MODULE = "vision_agents.plugins.liveavatar"
VISION_SYMBOLS: dict[str, str | None] = {
    "AvatarPublisher": "Avatar",
    "VideoQuality": None,
}
VISION_PUBLISHER = "AvatarPublisher"
VISION_QUALITY_ENUM = "VideoQuality"
# AvatarPublisher(avatar_id="default", quality=HIGH, resolution=(1920, 1080), api_key=None,
# interval=0, **kwargs): the parameter order of every release.
VISION_PUBLISHER_PARAMS: tuple[str, ...] = (
    "avatar_id",
    "quality",
    "resolution",
    "api_key",
    "interval",
)
VISION_QUALITY_MEMBERS: dict[str, str] = {"LOW": "low", "MEDIUM": "medium", "HIGH": "high"}
VISION_DEFAULT_RESOLUTION = (1920, 1080)
VISION_LIVEAVATAR_DEFAULT_SIZE = (1280, 720)

# --------------------------------------------------------------------------------------
# LiveKit Agents (rule H2L503)
# --------------------------------------------------------------------------------------

LIVEKIT_AGENTS_PACKAGE = "livekit-agents"
LIVEKIT_HGL_PACKAGE = "livekit-plugins-hgl"
LIVEKIT_LIVEAVATAR_PACKAGE = "livekit-plugins-liveavatar"
LIVEKIT_MIN_VERSION = "1.3.6"
"""First livekit-plugins-liveavatar; it requires livekit-agents >= its own version."""
LIVEKIT_RANGE = "livekit-plugins-hgl 1.2.18 to 1.2.20 -> livekit-plugins-liveavatar >= 1.3.6"
LIVEKIT_HGL_MODULE = "livekit.plugins.hgl"
LIVEKIT_LIVEAVATAR_MODULE = "livekit.plugins.liveavatar"
# hgl 1.2.18 named its exception and API client after HeyGen; 1.2.20 and the liveavatar plugin
# use the LiveAvatar names. Every other name (AvatarSession, its parameters) is unchanged.
LIVEKIT_SYMBOLS: dict[str, str | None] = {
    "AvatarSession": "AvatarSession",
    "LiveAvatarException": "LiveAvatarException",
    "HeyGenException": "LiveAvatarException",
    "LiveAvatarAPI": "LiveAvatarAPI",
    "HeyGenAPI": "LiveAvatarAPI",
    "DEFAULT_API_URL": "DEFAULT_API_URL",
    "logger": "logger",
    "__version__": "__version__",
}
LIVEKIT_SUBMODULES: tuple[str, ...] = ("api", "avatar", "log", "version")
LIVEKIT_ENV_NOTE = (
    "the plugin reads `LIVEAVATAR_API_KEY` and `LIVEAVATAR_AVATAR_ID` when `api_key` / "
    "`avatar_id` are not passed (hgl 1.2.18 read `HEYGEN_API_KEY` / `HEYGEN_AVATAR_ID`)"
)

# Code importing a framework's HeyGen integration needs the release the rules target whether
# or not its requirement names the ``heygen`` extra (the extra only adds the integration's own
# dependencies): ``pipecat-ai==0.0.97`` beside code that now imports ``api_liveavatar`` is
# raised too. (pattern over a file's bytes, distribution it calls for)
FRAMEWORK_IMPORT_PACKAGES: tuple[tuple[re.Pattern[bytes], str], ...] = (
    (
        re.compile(rb"(?m)^[ \t]*(?:from|import)[ \t]+pipecat\.(?:services|transports)\.heygen\b"),
        PIPECAT_PACKAGE,
    ),
)

# --------------------------------------------------------------------------------------
# The frameworks' own source (not a framework user: the H2L5xx rules leave it alone)
# --------------------------------------------------------------------------------------

# Packages of the frameworks' HeyGen integrations: a file under one of these directories is
# the framework itself (``site-packages/pipecat/services/heygen/video.py``).
FRAMEWORK_SOURCE_PACKAGES: tuple[str, ...] = (
    "pipecat.services.heygen",
    "pipecat.transports.heygen",
    "vision_agents.plugins.heygen",
    "livekit.plugins.hgl",
)
# Classes only the frameworks' own modules define: a module defining one at its top level is
# the framework's source (its ``client.py``, ``video.py``, ``transport.py``), wherever it sits.
FRAMEWORK_OWN_CLASSES: frozenset[str] = frozenset(
    {"HeyGenVideoService", "HeyGenClient", "HeyGenTransport", "HeyGenApi", "LiveAvatarApi"}
)

# --------------------------------------------------------------------------------------
# API-key settings (rule H2L504)
# --------------------------------------------------------------------------------------

# Same names H2L402 renames (HEYGEN_API_KEY, HEYGEN_KEY, HEYGEN_STREAMING_API_KEY, ...), minus
# names that already say LiveAvatar (HEYGEN_LIVE_AVATAR_API_KEY is pipecat's example's name
# for a LiveAvatar key, so code using it is already migrated).
HEYGEN_KEY_SETTING = re.compile(r"^HEYGEN(?:_[A-Z0-9]+)*_(?:API_)?(?:KEY|TOKEN)$")
LIVEAVATAR_MARKERS: tuple[str, ...] = ("LIVE_AVATAR", "LIVEAVATAR")

# --------------------------------------------------------------------------------------
# Dependency declarations (rule H2L505)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackageMove:
    """What a dependency on ``name`` becomes."""

    name: str
    """Normalised (PEP 503) name of the HeyGen-era requirement."""
    new_name: str
    """Name written instead (the same name when only the version or extras change)."""
    min_version: str
    """Lowest release of ``new_name`` that has the LiveAvatar API the rules emit."""
    needs_extra: str | None = None
    """Only requirements with this extra use HeyGen (``pipecat-ai[heygen]``)."""
    extra_renames: dict[str, str] = field(default_factory=dict)
    """Extras renamed on the way (``vision-agents[heygen]`` -> ``[liveavatar]``)."""
    companion: tuple[str, str] | None = None
    """(package, lowest version) the new requirement drags along: a pin of ``package`` in the
    same file that excludes that version is reported."""
    why: str = ""


PACKAGE_MOVES: tuple[PackageMove, ...] = (
    PackageMove(
        PIPECAT_PACKAGE,
        PIPECAT_PACKAGE,
        PIPECAT_MIN_VERSION,
        needs_extra=PIPECAT_EXTRA,
        why="the LiveAvatar service with `VideoSettings` arrived in pipecat-ai 0.0.102",
    ),
    PackageMove(
        VISION_HEYGEN_PACKAGE,
        VISION_LIVEAVATAR_PACKAGE,
        VISION_MIN_VERSION,
        companion=(VISION_AGENTS_PACKAGE, VISION_MIN_VERSION),
        why="the HeyGen plugin gave way to the LiveAvatar plugin, first released as 0.6.0",
    ),
    PackageMove(
        VISION_AGENTS_PACKAGE,
        VISION_AGENTS_PACKAGE,
        VISION_MIN_VERSION,
        needs_extra=VISION_HEYGEN_EXTRA,
        extra_renames={VISION_HEYGEN_EXTRA: VISION_LIVEAVATAR_EXTRA},
        why="the `liveavatar` extra replaces `heygen` from vision-agents 0.6.0",
    ),
    PackageMove(
        LIVEKIT_HGL_PACKAGE,
        LIVEKIT_LIVEAVATAR_PACKAGE,
        LIVEKIT_MIN_VERSION,
        companion=(LIVEKIT_AGENTS_PACKAGE, LIVEKIT_MIN_VERSION),
        why="the hgl plugin was renamed livekit-plugins-liveavatar, first released as 1.3.6",
    ),
)
