"""Failpoints for the crash tests (docs/reliability.md): with `LETOPIS_FAILPOINT=NAME:N:ACTION` in the
environment, the Nth pass through `failpoint(NAME)` kills the process (`kill`: SIGKILL), interrupts it
(`interrupt`: SIGINT, as Ctrl-C) or fails as a full disk does (`disk-full`: OSError ENOSPC). Without the
variable a failpoint does nothing."""

from __future__ import annotations

import errno
import os
import signal
from collections import Counter

VARIABLE = "LETOPIS_FAILPOINT"
passes: Counter[str] = Counter()


def failpoint(name: str) -> None:
    spec = os.environ.get(VARIABLE)
    if not spec:
        return
    wanted, count, action = spec.split(":")
    if wanted != name:
        return
    passes[name] += 1
    if passes[name] != int(count):
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "interrupt":
        os.kill(os.getpid(), signal.SIGINT)
    elif action == "disk-full":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
