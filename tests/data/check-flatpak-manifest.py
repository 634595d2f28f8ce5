#!/usr/bin/env python3
"""The flatpak manifest parses, names the app id and command, builds Strata
with meson, and reaches the Docker and Podman sockets and project folders."""
import json
import sys

checks = []


def check(what, ok):
    checks.append((what, bool(ok)))


with open(sys.argv[1], encoding='utf-8') as f:
    try:
        manifest = json.load(f)
        check('manifest parses as JSON', True)
    except ValueError as e:
        manifest = {}
        check('manifest parses as JSON (%s)' % e, False)

args = manifest.get('finish-args', [])
modules = manifest.get('modules', [])
names = [m.get('name') for m in modules if isinstance(m, dict)]

check('app id is io.github.strata.Strata', manifest.get('id', manifest.get('app-id')) == 'io.github.strata.Strata')
check('command is strata', manifest.get('command') == 'strata')
check('runtime is org.gnome.Platform', manifest.get('runtime') == 'org.gnome.Platform')
check('sdk is org.gnome.Sdk', manifest.get('sdk') == 'org.gnome.Sdk')
check('last module is strata', names and names[-1] == 'strata')
check('strata builds with meson', modules and modules[-1].get('buildsystem') == 'meson')
check('libyaml is built (not in the GNOME runtime)', 'libyaml' in names)
for sock in ('--filesystem=/run/docker.sock', '--filesystem=xdg-run/docker.sock',
             '--filesystem=xdg-run/podman'):
    check('finish-args has %s' % sock, sock in args)
check('finish-args reach project folders (home)', '--filesystem=home' in args)
check('finish-args have wayland and fallback-x11',
      '--socket=wayland' in args and '--socket=fallback-x11' in args)

print('1..%d' % len(checks))
for i, (what, ok) in enumerate(checks, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', i, what))
sys.exit(0 if all(ok for _, ok in checks) else 1)
