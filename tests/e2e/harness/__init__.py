"""The e2e harness: stand-ins for HeyGen, LiveAvatar and LiveKit, and the case runner.

See tests/e2e/README.md. The drivers' side (sitecustomize, e2e_support, the recording livekit
package) lives in ``site/`` and ``fake_livekit/`` and runs in the driver subprocesses.
"""

from .recording import Recording
from .runner import (
    NO_CHANGE,
    Case,
    PhaseResult,
    check_marked_failure,
    copy_project,
    migrate,
    project_diff,
    run_phase,
)
from .server import StandIns

__all__ = [
    "NO_CHANGE",
    "Case",
    "PhaseResult",
    "Recording",
    "StandIns",
    "check_marked_failure",
    "copy_project",
    "migrate",
    "project_diff",
    "run_phase",
]
