#!/usr/bin/env python3
"""Writes a compose project of N services in three files into DIR:
compose.yaml (the base), compose.override.yaml and compose.prod.yaml.
Each service has environment, labels, ports, volumes, a healthcheck and
depends_on, so that every merge rule does real work.

usage: gen-project.py DIR [N]   (default N = 1000, about 750 KB in all)"""
import os
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
os.makedirs(out, exist_ok=True)


def base(i):
    dep = '\n'.join('      - svc%04d' % d for d in (i - 1, i - 2) if d >= 0) or None
    lines = [
        '  svc%04d:' % i,
        '    image: example/app%d:1.%d' % (i % 17, i % 9),
        '    command: serve --port %d' % (8000 + i),
        '    environment:',
        '      SERVICE_NAME: svc%04d' % i,
        '      LOG_LEVEL: info',
        '      DATABASE_URL: postgres://app:${DB_PASSWORD:-secret}@db%d/app' % (i % 5),
        '    labels:',
        '      com.example.team: team%d' % (i % 7),
        '    ports:',
        '      - "%d:8080"' % (20000 + i),
        '    volumes:',
        '      - ./data/svc%04d:/var/lib/app' % i,
        '      - logs:/var/log/app',
        '    healthcheck:',
        '      test: ["CMD", "true"]',
        '      interval: 30s',
        '      timeout: 5s',
        '      retries: 3',
    ]
    if dep:
        lines += ['    depends_on:', dep]
    return '\n'.join(lines)


def override(i):
    return '\n'.join([
        '  svc%04d:' % i,
        '    environment:',
        '      LOG_LEVEL: debug',
        '      DEBUG: "1"',
        '    labels:',
        '      com.example.env: dev',
        '    ports:',
        '      - "%d:9229"' % (30000 + i),
        '    volumes:',
        '      - ./src/svc%04d:/app/src' % i,
    ])


def prod(i):
    return '\n'.join([
        '  svc%04d:' % i,
        '    environment:',
        '      LOG_LEVEL: warn',
        '    healthcheck:',
        '      interval: 10s',
        '    restart: unless-stopped',
    ])


files = {
    'compose.yaml': 'name: bench\nservices:\n%s\nvolumes:\n  logs: {}\n',
    'compose.override.yaml': 'services:\n%s\n',
    'compose.prod.yaml': 'services:\n%s\n',
}
makers = {'compose.yaml': base, 'compose.override.yaml': override, 'compose.prod.yaml': prod}
total = 0
for name, template in files.items():
    text = template % '\n'.join(makers[name](i) for i in range(n))
    with open(os.path.join(out, name), 'w') as f:
        f.write(text)
    total += len(text)
print('%s: %d services, %d bytes in 3 files' % (out, n, total))
