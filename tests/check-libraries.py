#!/usr/bin/env python3
# check-libraries.py — the program starts without the libraries it loads
# on first use
#
# libgit2 and the TLS, SSH and Kerberos libraries it needs, and
# GtkSourceView with libxml2 and ICU, and libical with ICU and the C++
# runtime, cost milliseconds to map at every start; Coachplan loads
# libgit2 when it first syncs, shares or reads a repository
# (src/core/cp-git.c), GtkSourceView when it first shows a text editor
# (src/ui/cp-source.c) and libical when it first reads or writes a
# calendar (src/core/cp-ical.c). This fails if the program links
# any of them again, naming the library, and checks its own reading of
# readelf on samples first.
#
# Copyright 2026 The Coachplan authors
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import subprocess
import sys

LOADED_LATER = ('libgit2.so', 'libgtksourceview-5.so', 'libical.so')
NEEDED = re.compile(r'\(NEEDED\)\s+Shared library: \[([^\]]+)\]')


def needed(dynamic_section):
    return NEEDED.findall(dynamic_section)


def linked_too_early(dynamic_section):
    return [lib for lib in needed(dynamic_section) if lib.startswith(LOADED_LATER)]


def self_check():
    linked = (' 0x0000000000000001 (NEEDED)             Shared library: [libglib-2.0.so.0]\n'
              ' 0x0000000000000001 (NEEDED)             Shared library: [libgit2.so.1.5]\n')
    clean = ' 0x0000000000000001 (NEEDED)             Shared library: [libgtk-4.so.1]\n'
    editor = ' 0x0000000000000001 (NEEDED)             Shared library: [libgtksourceview-5.so.0]\n'
    assert linked_too_early(editor) == ['libgtksourceview-5.so.0'], 'a linked GtkSourceView must be caught'
    assert linked_too_early(linked) == ['libgit2.so.1.5'], 'a linked libgit2 must be caught'
    calendar = ' 0x0000000000000001 (NEEDED)             Shared library: [libical.so.3]\n'
    assert linked_too_early(calendar) == ['libical.so.3'], 'a linked libical must be caught'
    assert linked_too_early(clean) == [], 'a program without libgit2 must pass'
    assert needed(clean) == ['libgtk-4.so.1']


def main():
    self_check()
    program = sys.argv[1]
    section = subprocess.run(['readelf', '-d', program], check=True, capture_output=True,
                             text=True).stdout
    if not needed(section):
        print(f'{program}: readelf found no libraries at all', file=sys.stderr)
        return 1
    early = linked_too_early(section)
    for lib in early:
        print(f'{program} links {lib}, which it should load on first use '
              '(src/core/cp-git.c, src/ui/cp-source.c)', file=sys.stderr)
    return 1 if early else 0


if __name__ == '__main__':
    sys.exit(main())
