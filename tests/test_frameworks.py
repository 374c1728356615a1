"""Framework rules (H2L501-H2L504) on code the golden suite cannot hold.

Golden expected files must be pyflakes-clean, which a star import never is; these cases check
that star imports are reported and never guessed, and a few properties of the rules.
"""

from __future__ import annotations

import textwrap

import pytest

from heygen2liveavatar import migrate_source


def migrate(source: str, **options: list[str]) -> tuple[str, list[tuple[str, str, str]]]:
    result = migrate_source(textwrap.dedent(source), filename="app.py", **options)
    return result.code, [(f.rule, f.kind, f.message) for f in result.findings]


@pytest.mark.parametrize(
    ("module", "code", "rule"),
    [
        ("pipecat.services.heygen.api", "NewSessionRequest(avatar_id='x')", "H2L501"),
        ("pipecat.services.heygen.api_interactive_avatar", "NewSessionRequest()", "H2L501"),
        ("vision_agents.plugins.heygen", "AvatarPublisher(avatar_id='x')", "H2L502"),
        ("livekit.plugins.hgl", "AvatarSession(avatar_id='x')", "H2L503"),
    ],
)
def test_star_imports_are_reported_not_guessed(module: str, code: str, rule: str) -> None:
    source = f"from {module} import *\n\nthing = {code}\n"
    migrated, findings = migrate(source)
    marker = f"# TODO(heygen2liveavatar): {rule} `from {module} import *` hides"
    assert migrated.startswith(marker)
    assert migrated.endswith(source)  # the code itself is untouched
    assert [f[:2] for f in findings] == [(rule, "manual")]


def test_service_with_a_request_hidden_by_a_star_import_keeps_heygen() -> None:
    source = """\
        from pipecat.services.heygen.api import *
        from pipecat.services.heygen.video import HeyGenVideoService

        def build(session, key):
            return HeyGenVideoService(api_key=key, session=session, session_request=NewSessionRequest())
    """
    migrated, findings = migrate(source)
    # Switching the service to LIVE_AVATAR would make pipecat ignore the HeyGen request.
    assert "service_type" not in migrated
    assert [f[:2] for f in findings] == [("H2L501", "manual")]


def test_rules_can_be_selected_alone() -> None:
    source = """\
        import os
        from vision_agents.plugins import heygen

        avatar = heygen.AvatarPublisher(api_key=os.getenv("HEYGEN_API_KEY"))
    """
    only_key, findings = migrate(source, select=["H2L504"])
    assert 'os.getenv("LIVEAVATAR_API_KEY")' in only_key and "heygen.AvatarPublisher" in only_key
    assert {f[0] for f in findings} == {"H2L504"}
    without_key, _ = migrate(source, ignore=["H2L504"])
    assert "liveavatar.Avatar(" in without_key and "HEYGEN_API_KEY" in without_key


def test_shadowed_import_is_left_alone() -> None:
    source = """\
        from livekit.plugins import hgl

        def reset():
            hgl = None
            return hgl
    """
    migrated, findings = migrate(source)
    assert "from livekit.plugins import hgl\n" in migrated
    assert [f[:2] for f in findings] == [("H2L503", "manual")]


def test_successor_name_taken_by_another_import_is_aliased() -> None:
    source = """\
        from pipecat.services.heygen.api import VideoEncoding
        from myapp.codecs import LiveAvatarNewSessionRequest
        from pipecat.services.heygen.api import NewSessionRequest

        request = NewSessionRequest(avatar_id="x", video_encoding=VideoEncoding.VP8)
        other = LiveAvatarNewSessionRequest
    """
    migrated, findings = migrate(source)
    assert "from myapp.codecs import LiveAvatarNewSessionRequest\n" in migrated
    assert "import LiveAvatarNewSessionRequest as NewSessionRequest\n" in migrated
    # Compared without whitespace: the call is wrapped to the snippet's line length.
    assert (
        'NewSessionRequest(avatar_id="x",video_settings=VideoSettings(encoding=VideoEncoding.VP8))'
        in "".join(migrated.split())
    )
    assert any("is imported as `NewSessionRequest`" in f[2] for f in findings)


def test_two_plugins_never_share_the_new_module_name() -> None:
    source = """\
        from livekit.plugins import hgl
        from vision_agents.plugins import heygen

        avatar = heygen.AvatarPublisher("x")
        session = hgl.AvatarSession()
    """
    migrated, _ = migrate(source)
    assert "from vision_agents.plugins import liveavatar\n" in migrated
    assert "from livekit.plugins import liveavatar as hgl\n" in migrated
    assert "session = hgl.AvatarSession()" in migrated


def test_second_run_is_stable_on_a_mixed_module() -> None:
    source = """\
        from livekit.plugins import hgl
        from pipecat.services.heygen.api import AvatarQuality, NewSessionRequest, VoiceSettings
        from pipecat.services.heygen.video import HeyGenVideoService
        from vision_agents.plugins import heygen

        VOICE = VoiceSettings(voiceId="v")
        avatar = heygen.AvatarPublisher("x", heygen.VideoQuality.LOW)

        def build(session, key):
            request = NewSessionRequest(avatar_id="y", quality=AvatarQuality.low, voice=VOICE)
            return hgl.AvatarSession(), HeyGenVideoService(api_key=key, session=session, session_request=request)
    """
    once, _ = migrate(source)
    twice, findings = migrate(once)
    assert twice == once
    assert not [f for f in findings if f[1] == "fix"]


_FRAMEWORK_HELPER = """\
    from pipecat.services.heygen.api import NewSessionRequest


    def default_request(avatar_id):
        return NewSessionRequest(avatar_id=avatar_id, version="v2")
"""


@pytest.mark.parametrize(
    "filename",
    [
        "venv/lib/python3.12/site-packages/pipecat/services/heygen/helpers.py",
        "pipecat/transports/heygen/helpers.py",
        r"C:\Python312\Lib\site-packages\pipecat\services\heygen\helpers.py",
    ],
)
def test_a_module_inside_the_framework_package_is_not_a_framework_user(filename: str) -> None:
    source = textwrap.dedent(_FRAMEWORK_HELPER)
    result = migrate_source(source, filename=filename)
    assert result.code == source
    assert not [f for f in result.findings if f.rule.startswith("H2L5")]


@pytest.mark.parametrize("filename", ["app.py", "pipecat/bot.py", "bots/heygen/helpers.py"])
def test_a_module_outside_the_framework_package_is_migrated(filename: str) -> None:
    source = textwrap.dedent(_FRAMEWORK_HELPER)
    result = migrate_source(source, filename=filename)
    assert "LiveAvatarNewSessionRequest" in result.code
