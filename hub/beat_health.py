"""Is the one beat alive? `python -m hub.beat_health` exits 0 if it published a task lately.

Beat has no `inspect ping` like a worker. Instead, the beat process touches a file each time it
hands a task to the broker (`hub.celery`), and the sweep runs every minute: a file older than
`MAX_AGE` means beat is stuck or cannot reach the broker. Plain Python, no Django, so a container
health check or a Kubernetes probe costs almost nothing.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


HEARTBEAT = Path(
    os.environ.get("CELERY_BEAT_HEARTBEAT_FILE")
    or Path(tempfile.gettempdir()) / "celerybeat-heartbeat"
)
# Three sweeps missed in a row.
MAX_AGE = 180


def touch(**_signal_kwargs: Any) -> None:
    HEARTBEAT.touch()


def age_seconds() -> float | None:
    try:
        return time.time() - HEARTBEAT.stat().st_mtime
    except FileNotFoundError:
        return None


def main() -> int:
    age = age_seconds()
    if age is None or age > MAX_AGE:
        since = "ever" if age is None else f"{age:.0f} s"
        sys.stderr.write(f"beat has published no task for {since} ({HEARTBEAT})\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
