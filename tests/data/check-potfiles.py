#!/usr/bin/env python3
"""Fails when a file with translatable strings is missing from po/POTFILES.in,
when POTFILES.in names a file that does not exist, or is not sorted."""
import os
import re
import sys

root = sys.argv[1]
MARKS = re.compile(r'(\b_\(|\bN_\(|\bC_\(|\bngettext\s*\(|translatable="yes")')
SCANNED = ('.c', '.ui', '.desktop.in.in', '.metainfo.xml.in.in', '.gschema.xml')

listed = []
with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)

needed = []
for top in ('src', 'data'):
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
        dirnames[:] = [d for d in dirnames if d != 'demo']
        for name in filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if name.endswith(('.desktop.in.in', '.metainfo.xml.in.in', '.gschema.xml')):
                needed.append(rel)
            elif name.endswith(SCANNED):
                with open(path, encoding='utf-8') as f:
                    if MARKS.search(f.read()):
                        needed.append(rel)

checks = []
missing = sorted(set(needed) - set(listed))
checks.append(('every file with translatable strings is in POTFILES.in', missing,
               'add to po/POTFILES.in: '))
absent = [p for p in listed if not os.path.exists(os.path.join(root, p))]
checks.append(('every file in POTFILES.in exists', absent, 'remove from po/POTFILES.in: '))
unsorted = [] if listed == sorted(listed) else ['POTFILES.in']
checks.append(('POTFILES.in is sorted', unsorted, 'sort '))

print('1..%d' % len(checks))
failed = 0
for i, (what, bad, fix) in enumerate(checks, 1):
    if bad:
        failed += 1
        print('not ok %d - %s' % (i, what))
        for b in bad:
            print('# %s%s' % (fix, b))
    else:
        print('ok %d - %s' % (i, what))
sys.exit(1 if failed else 0)
