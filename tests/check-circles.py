#!/usr/bin/env python3
# check-circles.py — no two parts of the core include each other
#
# A part is a class's files: cp-thing.c, cp-thing.h and cp-thing-private.h
# (a header shared by several classes is a part of its own). An edge runs
# from one part to another when one of its files includes one of the
# other's. The check fails on any circle, direct or through others, and
# names the parts in it, with an include that closes it.
#
# Before it looks at the tree, it checks itself on samples that must be
# caught and samples that must pass, so it cannot silently pass.
#
# Copyright 2026 The Coachplan authors
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def part_of(name):
    stem = name.rsplit('.', 1)[0]
    return re.sub(r'-private$', '', stem)


def graph(files):
    """files: name -> text. Returns part -> {part: (file, included)}."""
    edges = {}
    for name, text in files.items():
        for included in INCLUDE.findall(text):
            if included not in files or part_of(included) == part_of(name):
                continue
            edges.setdefault(part_of(name), {})[part_of(included)] = (name, included)
    return edges


def circles(edges):
    """Tarjan's strongly connected components of more than one part."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def self_test():
    caught = [
        {'cp-a.c': '#include "cp-b.h"', 'cp-a.h': '', 'cp-b.c': '#include "cp-a.h"', 'cp-b.h': ''},
        {'cp-a.c': '#include "cp-b-private.h"', 'cp-a.h': '', 'cp-b-private.h': '#include "cp-c.h"',
         'cp-c.h': '', 'cp-c.c': '#include "cp-a.h"'},
        {'cp-x.c': '#include "cp-shared-private.h"', 'cp-x.h': '',
         'cp-shared-private.h': '#include "cp-x.h"'},
    ]
    passed = [
        {'cp-a.c': '#include "cp-a-private.h"\n#include "cp-b.h"', 'cp-a-private.h': '#include "cp-a.h"',
         'cp-a.h': '', 'cp-b.c': '#include "cp-b.h"', 'cp-b.h': ''},
        {'cp-a.c': '/* #include "cp-b.h" is not here */', 'cp-a.h': '', 'cp-b.c': '#include "cp-a.h"',
         'cp-b.h': ''},
    ]
    for sample in caught:
        if not circles(graph(sample)):
            sys.exit(f'check-circles.py: its own sample was not caught: {sample}')
    for sample in passed:
        if circles(graph(sample)):
            sys.exit(f'check-circles.py: its own sample was caught wrongly: {sample}')


def main():
    root = pathlib.Path(sys.argv[1]) / 'src' / 'core'
    self_test()
    files = {}
    for path in sorted(root.rglob('*')):
        if path.suffix in ('.c', '.h'):
            if path.name in files:
                sys.exit(f'check-circles.py: two files are named {path.name}')
            files[path.name] = path.read_text(encoding='utf-8')
    edges = graph(files)
    found = circles(edges)
    if found:
        for component in found:
            print('these parts of src/core include one another: ' + ', '.join(component))
            for a in component:
                for b, (name, included) in sorted(edges.get(a, {}).items()):
                    if b in component:
                        print(f'  {name} includes {included}')
        sys.exit(1)
    print(f'no circles among the {len({part_of(n) for n in files})} parts of src/core')


if __name__ == '__main__':
    main()
