#!/usr/bin/env python3
"""The strata executable loads GLib and libyaml only: the engine's libraries
(libsoup, json-glib, libarchive and what they bring: krb5, libxml2, ICU,
libstdc++...) and GTK come with the strata-engine and strata-ui modules,
which it opens only for an engine verb or a window (src/meson.build).

usage: check-startup-libs.py STRATA_EXE"""
import subprocess
import sys

FORBIDDEN = ('libsoup', 'libjson-glib', 'libarchive', 'libstdc++', 'libxml2', 'libicu',
             'libkrb5', 'libgtk', 'libadwaita', 'libgtksourceview', 'strata-engine', 'strata-ui')

ldd = subprocess.run(['ldd', sys.argv[1]], capture_output=True, text=True, check=True).stdout
names = [line.split()[0] for line in ldd.splitlines() if line.strip()]

# A sanitizer build's runtime (libasan, libubsan) brings libstdc++ itself.
sanitized = any(n.startswith(('libasan', 'libubsan', 'libtsan', 'liblsan')) for n in names)

checks = [('ldd lists the libraries of %s' % sys.argv[1], len(names) > 0)]
for lib in FORBIDDEN:
    found = [n for n in names if n.startswith(lib)]
    if lib == 'libstdc++' and sanitized:
        checks.append(('%s is not loaded at start-up # SKIP the sanitizer runtime loads it' % lib, True))
        continue
    checks.append(('%s is not loaded at start-up%s' % (lib, ' (%s)' % ', '.join(found) if found else ''),
                   not found))
for lib in ('libglib-2.0', 'libyaml'):
    checks.append(('%s is loaded' % lib, any(n.startswith(lib) for n in names)))

print('1..%d' % len(checks))
for i, (what, ok) in enumerate(checks, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', i, what))
print('# %d libraries: %s' % (len(names), ' '.join(names)))
sys.exit(0 if all(ok for _, ok in checks) else 1)
