"""Value types shared by every layer: findings and fix safety."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

FIX_SAFE = "safe"
FIX_UNSAFE = "unsafe"
FIX_MANUAL = "manual"
FIX_SAFETIES = (FIX_SAFE, FIX_UNSAFE, FIX_MANUAL)

KIND_FIX = "fix"
KIND_MANUAL = "manual"

MARKER_PREFIX = "TODO(heygen2liveavatar):"

BASE_READ = "base"
KEY_READ = "key"
HELPER_KEY = "*"
"""``ProjectFacts.split_wrapper_settings``: the kinds of settings a split wrapper reads in
another module, and the name standing for a key its headers helper of another module reads
(``build_headers()`` from ``.auth``), which the sibling replaces with the LiveAvatar key."""


@dataclass(frozen=True)
class Finding:
    """One thing a rule did (``fix``) or could not do (``manual``) at a place in the original source.

    ``line`` and ``column`` are 1-based and refer to the source as it was read. Findings sort
    by position.
    """

    rule: str
    kind: str
    line: int
    column: int
    message: str

    def sort_key(self) -> tuple[int, int, str, str, str]:
        return (self.line, self.column, self.rule, self.kind, self.message)

    def __lt__(self, other: Finding) -> bool:
        return self.sort_key() < other.sort_key()

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class MigrationError(Exception):
    """Source that cannot be migrated: it does not decode, parse, or a rule failed on it."""

    def __init__(self, message: str, filename: str = "<string>", line: int = 0, column: int = 0):
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column
        where = filename
        if line:
            where += f":{line}"
            if column:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class HelperImport:
    """How a migrated file imports the helper module the engine writes for it."""

    package: str | None
    """``None``: ``import stem``; ``"."``, ``".."``: relative; ``"app"``: ``from app import stem``."""
    stem: str
    """The helper's module name (its file name without ``.py``)."""
    local: str
    """The name the migrated code calls it by (``import stem as local`` when they differ)."""


@dataclass(frozen=True)
class ProjectFacts:
    """What a whole run knows beyond one file (e.g. a config module whose base URL other
    modules' streaming calls use). ``None`` in single-source APIs: each file stands alone."""

    uses_streaming: bool = False
    """Some file of the run calls a HeyGen streaming endpoint."""
    uses_other_heygen_apis: bool = False
    """Some file of the run calls HeyGen's other APIs (video, voices, templates...)."""
    streaming_base_names: frozenset[str] = frozenset()
    """Names (last component) that some file puts in front of a streaming path."""
    other_api_base_names: frozenset[str] = frozenset()
    """Names that some file puts in front of a path of HeyGen's other APIs."""
    opens_sessions: bool = False
    """Some file opens a session with ``streaming.new``: its token call starts it now, so a
    ``streaming.start`` call elsewhere in the project has nothing left to do."""
    sends_text: bool = False
    """Some file sends ``streaming.task`` text (HeyGen's voice and LLM: LiveAvatar FULL)."""
    sends_audio: bool = False
    """Some file streams its own audio over the realtime WebSocket (LiveAvatar LITE)."""
    sends_chat: bool = False
    """Some file asks HeyGen's LLM for responses (``chat``/``talk`` tasks)."""
    wrapper_bodies: tuple[tuple[str, str, int], ...] = ()
    """Request wrappers of the project: (function name, body parameter, its position)."""
    wrapper_parameters: tuple[tuple[str, str, str, int], ...] = ()
    """Request wrappers' other parameters read from their code: (function name, ``url`` or
    ``method``, parameter, its position), e.g. ``api(method, endpoint, payload)``."""
    json_clients: frozenset[tuple[str, str]] = frozenset()
    """(class, method): HTTP client classes whose method returns parsed JSON, not a response
    (``class HeyGenHTTP(requests.Session)`` overriding ``request`` to return ``data``)."""
    data_clients: frozenset[tuple[str, str]] = frozenset()
    """Those of ``json_clients`` whose method returns the envelope's ``data`` part (an SDK
    transport's ``return body["data"]``), not the whole envelope."""
    session_openers: frozenset[str] = frozenset()
    """Functions and methods (by name) that call ``streaming.new`` and return its response:
    their callers in other modules read start's fields from what they return."""
    id_parameters: tuple[tuple[str, str, int, str], ...] = ()
    """Functions (``name``) and methods (``Class.name``) that put a parameter in an asset id
    field of their ``streaming.new`` body: (function, parameter, its position without
    ``self``, or ``-1`` for a keyword-only one, HeyGen field). A literal HeyGen id passed for
    it in another module is marked at that call."""
    string_constants: tuple[tuple[str, str, str], ...] = ()
    """(module, name, text) of module constants holding a short string or an environment
    default (``AVATAR_ID = os.getenv("AVATAR_ID", "Wayne_20240711")``), kept when some function
    has ``id_parameters``: a caller passing ``settings.AVATAR_ID`` to it is marked like one
    passing the literal. The module is dotted from the file's path (``src.lobby.settings``;
    an import names a suffix of it), ``""`` when not known; a name that files of one module
    bind to different values is left out. Modules without HeyGen words are read for them when
    they quote a HeyGen asset id."""
    url_constants: tuple[tuple[str, str, str], ...] = ()
    """(module, name, text) of module constants naming a whole HeyGen streaming URL
    (``STREAMING_NEW_URL = f"{HEYGEN_BASE_URL}/v1/streaming.new"``), holes as ``\\x00``
    (``engine/url_constant_facts.py``; the module as in ``string_constants``): a request
    in another module sending the imported name sends that URL (``analysis/values.py``), and
    the constant's own module edits it for that request (``analysis/imported_urls.py``)."""
    base_constants: tuple[tuple[str, str, str], ...] = ()
    """(module, name, ``""``) of module constants holding a bare HeyGen API base
    (``BASE_URL = "https://api.heygen.com"``, ``engine/url_constant_facts.base_constants``):
    when the name serves streaming and other APIs (``base_role``), its module writes a
    LiveAvatar sibling and modules importing it send their streaming requests on the sibling
    (``analysis/imported_bases.py``)."""
    star_imported: frozenset[str] = frozenset()
    """Last components of the modules some file star-imports (``from .constants import *``):
    every constant of such a module may be read elsewhere (see ``url_constants``)."""
    wrapper_urls: tuple[tuple[str, str], ...] = ()
    """(wrapper name, its URL expression's source, or ``""`` when a caller in another module
    cannot write it) for the request wrappers whose base is not a HeyGen host literal
    (``engine/wrapper_facts.url_template``): a caller starts its session where its token
    call went (``analysis/wrapper_urls.py``)."""
    wrapper_errors: tuple[tuple[str, str], ...] = ()
    """(wrapper function name, the exception class of its module it raises from a message)
    (``engine/error_facts.py``): a start or event sent through it from another module raises
    that class too, imported from the wrapper's module (``analysis/error_contracts.py``)."""
    split_wrappers: frozenset[str] = frozenset()
    """Module-level request wrappers (``_post(path, body)`` on ``API_BASE + path``) that their
    module's migration splits, giving the streaming calls a ``_liveavatar_post`` sibling
    (``engine/wrapper_split_facts.py``): a module importing the wrapper calls the sibling for
    its streaming requests too."""
    split_wrapper_settings: frozenset[str] = frozenset()
    """What the ``split_wrappers`` on another module's base read there
    (``engine/wrapper_split_facts.foreign_settings_reads``): ``base:studio.config.BASE_URL``,
    ``key:studio.config.API_KEY``, ``key:settings.settings.*`` (headers from a helper): the
    settings module's base and key serve streaming only through the wrapper, whose module's
    migration gives the streaming calls LiveAvatar's base and key (``reads_setting``)."""
    dispatch_helpers: tuple[tuple[str, str, int, str], ...] = ()
    """Dispatch helpers (``self.root + "/v1/streaming." + name``): (function or method name,
    its class or ``""``, the position of its action parameter without ``self``, its name)
    (``engine/dispatch_facts.py``); where they take their body: ``wrapper_bodies``."""
    dispatch_actions: frozenset[tuple[str, str]] = frozenset()
    attribute_urls: frozenset[str] = frozenset()
    """``"attribute:endpoint:Class"``: class bodies binding ``attribute`` to a streaming URL
    (``path: ClassVar[str] = "/v1/streaming.new"`` in ``OpenSession``,
    ``engine/url_attribute_facts.py``): a request sending ``command.path`` in another module
    sends one of them, chosen at run time (``analysis/attribute_urls.py``)."""
    """(method name, streaming action) for each ``x.name("action", ...)`` call in the
    project (or ``x.name(parameter="action", ...)``, the helper's action parameter): the endpoints a dispatch helper's callers name, in whatever module."""
    streaming_key_names: frozenset[str] = frozenset()
    """Names (last component) that files calling streaming endpoints read into an API-key
    header: a literal assigned to such a name elsewhere is a HeyGen key, ``api_key=`` of an
    OpenAI client is not."""
    imported_names: frozenset[str] = frozenset()
    """Names some file of the run imports (``from m import NAME``) or reads as an upper-case
    attribute (``m.NAME``): a module constant of that name may be used outside its module."""
    streaming_definitions: frozenset[str] = frozenset()
    """Classes and functions defined in files that call streaming endpoints (a key passed
    to one of them as ``api_key=`` may reach a HeyGen request)."""
    framework_packages: frozenset[str] = frozenset()
    """Distributions whose HeyGen integration some file imports (``pipecat-ai`` for
    ``pipecat.services.heygen``): their pins are raised even without the ``heygen`` extra."""
    kept_backends: tuple[tuple[str, str], ...] = ()
    """HeyGen backends that a provider switch chooses against a LiveAvatar one: (real path,
    why). No rule rewrites them; each gets one finding (``analysis/provider_switch.py``)."""

    def kept_backend(self, filename: str) -> str | None:
        """Why the file ``filename`` (as the run names it) is left alone, if it is."""
        if not self.kept_backends:
            return None
        import os

        real = os.path.realpath(filename)
        return next((why for path, why in self.kept_backends if path == real), None)

    settings_key_fields: frozenset[str] = frozenset()
    """``heygen_api_key`` fields of pydantic-settings classes (no prefix) in the run: H2L402
    makes them read ``LIVEAVATAR_API_KEY``, so ``settings.heygen_api_key`` holds the new key."""

    code_key_names: frozenset[str] = frozenset()
    """HeyGen key names the project's code stores a value under itself (a keyword, a dict key,
    an item assignment: ``app.config.from_mapping(HEYGEN_API_KEY=...)``): a module reading
    ``current_app.config["HEYGEN_API_KEY"]`` reads that value, not a setting to rename."""

    avatar_env_names: frozenset[str] = frozenset()
    """Environment variables the project's code reads an avatar from (``os.environ.get(
    "DASH_AVATAR")`` in an app factory): a token request of another module that must now name
    the avatar reads the one the user already sets, not a new ``LIVEAVATAR_AVATAR_ID``."""

    token_response_models: frozenset[str] = frozenset()
    """Classes a ``streaming.new`` request names as the model its generic request helper
    parses the response into (``call_api(..., response_type=NewSessionResponse)``,
    ``engine/token_model_facts.py``): their module is migrated for the reads that fail."""
    paired_token_getters: frozenset[str] = frozenset()
    """Functions (by name) that fetch a create_token token which some module sends as
    ``Bearer`` on ``streaming.new`` (``engine/token_getter_facts.py``): the paired flow
    across modules. The getter's module retires the fetch; the sender's authenticates its
    token call with the API key."""
    json_helpers: frozenset[str] = frozenset()
    data_helpers: frozenset[str] = frozenset()
    """Module-level request wrappers (by name) that return the ``data`` of the response's
    JSON envelope on every path (``return json.loads(raw).get("data")``,
    ``engine/client_facts.py``): a module importing one follows ``call("GET", url)`` as the
    response's ``data`` (``analysis/json_flow.py``)."""
    """Module-level functions (by name) that check the response they are given and return its
    whole JSON (``def check(resp): ... return resp.json()``, ``engine/client_facts.py``): a
    module importing one reads ``check(http.post(url, ...))`` as the request's parsed JSON."""
    json_config_keys: frozenset[str] = frozenset()
    """Keys that code parsing JSON reads by name (``raw["api_base"]``): the values of a JSON
    config file that the project's code uses (``engine/config_files.py``)."""

    ini_config_keys: frozenset[str] = frozenset()
    """Options (lower case) that code using ``configparser`` reads by name
    (``cfg["heygen"]["base_url"]``): the values of an INI config file the project's code uses."""

    toml_config_keys: frozenset[str] = frozenset()
    """Keys that code parsing TOML reads by name (``doc["heygen"]["base_url"]``): the values
    of a TOML config file the project's code uses."""

    optional_token_parameters: frozenset[str] = frozenset()
    """``name:parameter`` of request functions whose optional token parameter (``token=None``)
    is sent as ``Bearer`` when given and the API key otherwise (``engine/project_facts``)."""

    migrated_only_base_names: frozenset[str] = frozenset()
    """Base names seen only in front of LiveAvatar session paths, never of HeyGen streaming
    paths: the run's own output (``heygen.BASE + "/v1/sessions/token"``, the token URL a first
    run gave the bridge), which says nothing of HeyGen's other APIs on that base."""

    def split_setting(self, kind: str, module_path: str, name: str) -> bool:
        """A split wrapper of another module reads the setting ``name`` (or, ``kind`` being
        :data:`KEY_READ`, :data:`HELPER_KEY`: builds its headers with a helper) of the module
        whose dotted path is ``module_path`` as its ``kind`` (:data:`BASE_READ`,
        :data:`KEY_READ`; see ``split_wrapper_settings``): the import spells a suffix of the
        path (``studio.config``), or of the path of the module holding the object it reads
        (``settings.settings.API_BASE``: the ``settings`` instance of ``settings.py``)."""
        for read in self.split_wrapper_settings:
            read_kind, _, dotted = read.partition(":")
            owner, _, attribute = dotted.rpartition(".")
            if read_kind != kind or attribute != name or not owner:
                continue
            for candidate in (owner, owner.rpartition(".")[0]):
                if candidate and (
                    module_path == candidate or module_path.endswith("." + candidate)
                ):
                    return True
        return False

    def base_role(self, name: str) -> str:
        """``streaming``, ``shared`` or ``unknown`` for a base-URL setting called ``name``."""
        streaming = name in self.streaming_base_names
        other = name in self.other_api_base_names
        if streaming and not other and name in self.migrated_only_base_names:
            # A second run: the first found this base's use unknown in a project calling
            # HeyGen's other APIs too; its own token URL must not make it streaming-only.
            streaming = not self.uses_other_heygen_apis
        if streaming and other:
            return "shared"
        if streaming:
            return "streaming"
        if other:
            return "other"
        if self.uses_streaming and not self.uses_other_heygen_apis:
            return "streaming"
        return "unknown"
