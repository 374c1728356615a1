"""The pre-filter: a byte test that proves a file has nothing any rule could act on.

Kept in a module of its own, importing nothing, because the command line runs it on every
file before anything heavy is loaded.
"""

from __future__ import annotations

# Every recognised endpoint path contains "streaming." or "streaming/" (URL paths are
# case-sensitive and lower case), every framework import or API-key variable contains
# "heygen" in one of its usual capitalisations, and
# LiveKit's HeyGen plugin is imported as ``hgl`` next to ``livekit``. Searching for these
# exact byte strings avoids lower-casing every file.
PREFILTER_TOKENS: tuple[bytes, ...] = (
    b"heygen",
    b"HeyGen",
    b"HEYGEN",
    b"Heygen",
    b"streaming.",
    b"streaming/",
    # HeyGen's realtime WebSocket: the field that names it and its own audio vocabulary.
    b"realtime_endpoint",
    b"agent.audio_buffer",
    b"agent.end_listening",
)
LIVEKIT_PLUGIN_TOKENS: tuple[bytes, bytes] = (b"hgl", b"livekit")


# Byte-order marks of the encodings whose bytes hide the tokens (``h\0e\0y\0...``):
# such a file is decoded first. UTF-32 before UTF-16, whose little-endian mark it extends.
WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def wide_encoding(data: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` when ``data`` starts with that encoding's byte-order mark."""
    for bom, encoding in WIDE_BOMS:
        if data.startswith(bom):
            return encoding
    return None


def may_contain_heygen(data: bytes | str) -> bool:
    """False proves the text has nothing any rule could act on."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    elif data[:1] in (b"\xff", b"\xfe", b"\x00"):
        encoding = wide_encoding(data)
        if encoding is not None:
            data = data.decode(encoding, "replace").encode("utf-8", "surrogatepass")
    # The same test as ``any(token in data for token in PREFILTER_TOKENS)``, in fewer passes
    # over the bytes: most files contain no token at all, and then one search for what
    # several tokens share ("eygen" for two spellings, "streaming", "agent.") rules them
    # out together; only a file that has it is searched for the exact tokens.
    if b"eygen" in data and (b"heygen" in data or b"Heygen" in data):
        return True
    if b"HeyGen" in data or b"HEYGEN" in data:
        return True
    if b"streaming" in data and (b"streaming." in data or b"streaming/" in data):
        return True
    if b"realtime_endpoint" in data:
        return True
    if b"agent." in data and (b"agent.audio_buffer" in data or b"agent.end_listening" in data):
        return True
    return b"hgl" in data and b"livekit" in data


# For :func:`may_name_heygen_asset`: hex digits become ``x``, both quotes ``q``, all else ``.``,
# so that a quoted 32-hex id is one substring search away (a translation and a search cost
# about what the date search costs; a regex costs ten times that).
_HEX_SHAPES = bytes(
    ord("x")
    if chr(byte) in "0123456789abcdefABCDEF"
    else ord("q")
    if chr(byte) in "\"'"
    else ord(".")
    for byte in range(256)
)
_QUOTED_HEX_ID = b"q" + b"x" * 32 + b"q"


def _quoted(data: bytes, key: bytes) -> bool:
    return b'"' + key + b'"' in data or b"'" + key + b"'" in data


def may_parse_session_response(data: bytes) -> bool:
    """A class reading a quoted ``realtime_endpoint``, or ``access_token`` and ``url`` (an
    OAuth client reads ``access_token`` alone): a module naming no HeyGen word may define the
    model that a ``streaming.new`` request of its project parses the response into
    (``ProjectFacts.token_response_models``: ``models.py`` of a generated client), which only
    the project's facts tell. Byte searches only."""
    return b"class " in data and (
        _quoted(data, b"realtime_endpoint")
        or (_quoted(data, b"access_token") and _quoted(data, b"url"))
    )


def may_name_heygen_asset(data: bytes) -> bool:
    """A quoted name ending in a date, as HeyGen's public avatar and voice ids do
    (``"Wayne_20240711"``, ``"Anna_public_3_20240108"``), or 32 quoted hex digits, as its
    custom avatar and session ids are: a module naming no HeyGen word may pass one to a
    project's session opener (``ProjectFacts.id_parameters``), which only the project's
    facts tell. Byte searches only, no regex."""
    position = data.find(b"_20")
    while position >= 0:
        date = data[position + 1 : position + 9]
        if len(date) == 8 and date.isdigit() and data[position + 9 : position + 10] in (b'"', b"'"):
            return True
        position = data.find(b"_20", position + 3)
    if len(data) < 34:
        return False
    return _QUOTED_HEX_ID in data.translate(_HEX_SHAPES)
