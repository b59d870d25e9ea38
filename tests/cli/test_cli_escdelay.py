"""A lone `escape` is delivered after 25 ms, not Textual's 100 ms (unless $ESCDELAY says otherwise)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = "import dateline.tui.cli.cli, textual.constants as c; print(c.ESCAPE_DELAY)"


@pytest.mark.parametrize(("env", "expected"),
                         [({}, "0.025"), ({"ESCDELAY": "100"}, "0.1"), ({"ESCDELAY": "10"}, "0.01")])
def test_the_command_sets_the_escape_delay_before_textual_reads_it(env, expected):
    base = {k: v for k, v in os.environ.items() if k != "ESCDELAY"}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env={**base, **env},
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == expected


def test_the_input_thread_wakes_within_the_escape_delay():
    probe = ("import time, dateline.tui.cli.cli, selectors\n"
             "from dateline.tui.cli.cli_escdelay import wake_for_escape\n"
             "from textual.drivers import linux_driver\n"
             "assert wake_for_escape() and wake_for_escape()\n"  # a second call changes nothing
             "r, w = __import__('os').pipe()\n"
             "sel = linux_driver.selectors.SelectSelector(); sel.register(r, selectors.EVENT_READ)\n"
             "t = time.perf_counter(); sel.select(0.1); print(round(time.perf_counter() - t, 3))\n")
    base = {k: v for k, v in os.environ.items() if k != "ESCDELAY"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=base, timeout=60)
    assert out.returncode == 0, out.stderr
    assert float(out.stdout) < 0.06  # Textual asks for 0.1 s; the escape's 25 ms wait is over long before
