#!/usr/bin/env python3
"""How fast strata starts, against a program that links only what it must.

usage: bench/bench-startup.py [BUILD_DIR] [RUNS]

Times (best and median of RUNS, default 30) `strata --version`,
`strata config -q` on data/demo, and build/bench/startup-floor, which links
GLib, GIO and libyaml and prints a line; prints how many libraries `ldd`
lists for each. The compose commands should start as fast as the floor:
the engine (libsoup, json-glib, libarchive) and GTK are modules that strata
opens only for an engine command or a window (src/meson.build)."""
import os
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'build'))
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
demo = os.path.join(here, '..', 'data', 'demo')
strata = os.path.join(build, 'src', 'strata')
floor = os.path.join(build, 'bench', 'startup-floor')


def measure(name, argv):
    times = []
    subprocess.run(argv, cwd=demo, stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, cwd=demo, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    libs = subprocess.run(['ldd', argv[0]], capture_output=True, text=True).stdout.count('\n')
    print('%-32s best %6.2f ms  median %6.2f ms  %2d libraries' %
          (name, min(times) * 1000, statistics.median(times) * 1000, libs))
    return min(times)


t_floor = measure('startup-floor (GLib + libyaml)', [floor])
t_version = measure('strata --version', [strata, '--version'])
t_config = measure('strata config -q (data/demo)', [strata, 'config', '-q'])
print()
print('strata --version / floor: %5.2fx  (goal <= 1.1x)' % (t_version / t_floor))
