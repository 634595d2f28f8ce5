#!/usr/bin/env python3
"""strata config against docker compose config and a bare libyaml parse, in one run.

usage: bench/bench-config.py [BUILD_DIR] [N_SERVICES]

Generates a project of N services (default 1000) in three files with
bench/gen-project.py, checks that strata prints the same JSON as the compose
CLI, then times each command (best and median of several runs) and measures
its peak memory. Prints the ratios the compose model issue asks for:
compose/strata (goal >= 50), strata/bare parse (goal <= 2.5), strata's peak
memory / compose's (goal <= 1/3)."""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'build'))
n = sys.argv[2] if len(sys.argv) > 2 else '1000'
strata = os.path.join(build, 'src', 'strata')
bare = os.path.join(build, 'bench', 'bare-parse')
compose = os.environ.get('STRATA_COMPOSE_ORACLE', os.path.join(build, 'oracle', 'docker-compose'))
files = ['compose.yaml', 'compose.override.yaml', 'compose.prod.yaml']
flags = sum((['-f', f] for f in files), [])


def run(argv, cwd):
    """Wall time of one run."""
    start = time.perf_counter()
    p = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit('%s failed' % ' '.join(argv))
    return elapsed


def peak_memory(argv, cwd):
    """Peak RSS (KiB) of one run. GNU time forks a small C process, so the
    figure is the program's own; a child of this Python process would
    count Python's memory from before the exec."""
    gnu_time = shutil.which('time') or '/usr/bin/time'
    if not os.path.exists(gnu_time):
        sys.exit('install GNU time (apt-get install time) to measure memory')
    p = subprocess.run([gnu_time, '-f', '%M'] + argv, cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    return int(p.stderr.strip().splitlines()[-1])


def measure(name, argv, cwd, runs):
    run(argv, cwd)  # warm the page cache
    times = [run(argv, cwd) for _ in range(runs)]
    rss = peak_memory(argv, cwd)
    print('%-28s best %8.1f ms  median %8.1f ms  peak %7.1f MiB' %
          (name, min(times) * 1000, statistics.median(times) * 1000, rss / 1024))
    return min(times), rss


def instructions(argv, cwd):
    """Instructions of one run, counted by callgrind (repeatable whatever
    else the machine does), or None without valgrind."""
    if shutil.which('valgrind') is None:
        return None
    with tempfile.NamedTemporaryFile() as out:
        p = subprocess.run(['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out.name] + argv,
                           cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r'Collected : (\d+)', p.stderr)
    return int(m.group(1)) if m else None


with tempfile.TemporaryDirectory(prefix='strata-bench-') as tmp:
    subprocess.run([sys.executable, os.path.join(here, 'gen-project.py'), tmp, n], check=True)
    size = sum(os.path.getsize(os.path.join(tmp, f)) for f in files)
    ours = subprocess.run([strata] + flags + ['config', '--format', 'json'], cwd=tmp, capture_output=True)
    theirs = subprocess.run([compose] + flags + ['config', '--format', 'json'], cwd=tmp, capture_output=True)
    same = ours.returncode == 0 and ours.stdout == theirs.stdout
    print('%s services, %d KiB in 3 files; strata output identical to compose: %s' %
          (n, size // 1024, 'yes' if same else 'NO'))
    t_strata, m_strata = measure('strata config --format json', [strata] + flags + ['config', '--format', 'json'], tmp, 15)
    t_compose, m_compose = measure('docker compose config --format json', [compose] + flags + ['config', '--format', 'json'], tmp, 5)
    t_bare, _ = measure('bare libyaml parse', [bare] + files, tmp, 15)
    i_strata = instructions([strata] + flags + ['config', '--format', 'json'], tmp)
    i_bare = instructions([bare] + files, tmp)
    if i_strata and i_bare:
        print('%-28s %8.1f M instructions (callgrind)' % ('strata config --format json', i_strata / 1e6))
        print('%-28s %8.1f M instructions (callgrind)' % ('bare libyaml parse', i_bare / 1e6))
    print()
    print('compose / strata time:   %6.1fx  (goal >= 50x)' % (t_compose / t_strata))
    print('strata / bare parse:     %6.2fx  (goal <= 2.5x)' % (t_strata / t_bare))
    if i_strata and i_bare:
        print('  in instructions:       %6.2fx' % (i_strata / i_bare))
    print('strata / compose memory: %6.2f   (goal <= 0.33)' % (m_strata / m_compose))
    if not same:
        sys.exit(1)
