#!/usr/bin/env python3
"""Counts results in meson's testlog.json files and prints "N passed, N failed".

A TAP test program counts once per test case it reports; any other test
counts once. A program that crashed or timed out after its last reported
case still counts as one failure. Exits non-zero when anything failed.
"""

import json
import re
import sys

TAP_LINE = re.compile(r'^(not ok|ok)\b(.*)$')
TAP_PLAN = re.compile(r'^\d+\.\.\d+$', re.MULTILINE)

passed = failed = skipped = 0
failures = []

for path in sys.argv[1:]:
    with open(path, encoding='utf-8') as log:
        for line in log:
            test = json.loads(line)
            name, result = test['name'], test['result']
            cases = []
            if TAP_PLAN.search(test.get('stdout') or ''):
                for out in (test.get('stdout') or '').splitlines():
                    m = TAP_LINE.match(out)
                    if m:
                        cases.append((m.group(1) == 'ok', '# SKIP' in m.group(2), m.group(2).strip()))
            if cases:
                for ok, skip, desc in cases:
                    if skip:
                        skipped += 1
                    elif ok:
                        passed += 1
                    else:
                        failed += 1
                        failures.append(f'{name}: {desc}')
                # A program that died after its last case reported ok.
                if result not in ('OK', 'SKIP', 'EXPECTEDFAIL') and all(ok for ok, _, _ in cases):
                    failed += 1
                    failures.append(f'{name}: {result}')
            elif result in ('OK', 'EXPECTEDFAIL'):
                passed += 1
            elif result == 'SKIP':
                skipped += 1
            else:
                failed += 1
                failures.append(f'{name}: {result}')

for f in failures:
    print(f'FAILED {f}')
if passed + failed == 0:
    print('no tests ran')
    failed = 1
print(f'{passed} passed, {failed} failed' + (f', {skipped} skipped' if skipped else ''))
sys.exit(1 if failed else 0)
