#!/usr/bin/env python3
# check-store.py — only the store speaks SQL
#
# Fails when a source file outside src/core/store/ prepares or runs SQL,
# builds a unit of work, or includes sqlite3.h — unless it is one of the
# files listed below, which still do and are being moved into the store.
# The list only shrinks: a listed file that no longer speaks SQL fails the
# check too, until it is taken off the list. So the list is always the
# true list of what is left to move.
#
# Before it looks at the tree, it checks itself on samples that must be
# caught and samples that must pass, so it cannot silently pass.
#
# Copyright 2026 The Coachplan authors
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import re
import sys

SPEAKS_SQL = re.compile(r'_cp_store_prepare\s*\(|sqlite3_prepare|sqlite3_exec\s*\(|'
                        r'_cp_store_load_list\s*\(|_cp_store_unit_add\s*\(|_cp_store_set_flag\s*\(|'
                        r'sqlite3_stmt|#\s*include\s*<sqlite3\.h>')

# Files outside the store that still speak SQL, to be moved into it.
NOT_YET_MOVED = {
    'src/core/cp-action.c',
    'src/core/cp-checklist-item.c',
    'src/core/cp-contract.c',
    'src/core/cp-csip-private.h',
    'src/core/cp-cycle.c',
    'src/core/cp-engagement-csip.c',
    'src/core/cp-engagement-export.c',
    'src/core/cp-engagement-import.c',
    'src/core/cp-engagement-measures.c',
    'src/core/cp-engagement-notes.c',
    'src/core/cp-engagement-private.h',
    'src/core/cp-engagement.c',
    'src/core/cp-exit-item.c',
    'src/core/cp-goal.c',
    'src/core/cp-maturity.c',
    'src/core/cp-measures-private.h',
    'src/core/cp-note-private.h',
    'src/core/cp-note.c',
    'src/core/cp-notes-io.c',
    'src/core/cp-opportunity.c',
    'src/core/cp-phase.c',
    'src/core/cp-sign-off.c',
    'src/core/cp-workstream.c',
}


def speaks_sql(text):
    # Comments do not count.
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    return SPEAKS_SQL.search(text) is not None


def self_test():
    caught = [
        'stmt = _cp_store_prepare (store, "SELECT 1", error);',
        'sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);',
        '#include <sqlite3.h>',
        '_cp_store_unit_add (unit, "UPDATE note SET body = ?2 WHERE id = ?1");',
        'sqlite3_stmt *stmt;',
    ]
    passed = [
        '/* _cp_store_prepare (store, ...) is the store\'s */',
        'rows = _cp_store_people_load (store, id, error);',
        '#include "cp-store-people.h"',
    ]
    for sample in caught:
        if not speaks_sql(sample):
            sys.exit(f'check-store.py: its own sample was not caught: {sample}')
    for sample in passed:
        if speaks_sql(sample):
            sys.exit(f'check-store.py: its own sample was caught wrongly: {sample}')


def main():
    root = pathlib.Path(sys.argv[1])
    self_test()
    problems = []
    speaking = set()
    for path in sorted(root.glob('src/**/*')):
        if path.suffix not in ('.c', '.h'):
            continue
        name = path.relative_to(root).as_posix()
        if name.startswith('src/core/store/'):
            continue
        if speaks_sql(path.read_text(encoding='utf-8')):
            speaking.add(name)
            if name not in NOT_YET_MOVED:
                problems.append(f'{name} speaks SQL; only src/core/store/ may')
    for name in sorted(NOT_YET_MOVED - speaking):
        problems.append(f'{name} no longer speaks SQL: take it off the list in tests/check-store.py')
    if problems:
        print('\n'.join(problems))
        sys.exit(1)
    print(f'only the store speaks SQL, but for {len(NOT_YET_MOVED)} files still to move')


if __name__ == '__main__':
    main()
