#!/usr/bin/env python3
# check-store.py — only the store speaks SQL
#
# Fails when a source file outside src/core/store/ holds SQL text,
# prepares or runs a statement, calls SQLite, or includes sqlite3.h or
# the store's own header (the models use cp-store-model.h, which names
# statements and carries rows of plain values).
#
# Before it looks at the tree, it checks itself on samples that must be
# caught and samples that must pass, so it cannot silently pass.
#
# Copyright 2026 The Coachplan authors
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import re
import sys

SPEAKS_SQL = re.compile(r'_cp_store_prepare\s*\(|sqlite3_\w+|_cp_store_unit_add\s*\(|'
                        r'#\s*include\s*[<"](sqlite3\.h|cp-store-private\.h)[>"]|'
                        r'"\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH|CREATE|ALTER|DROP|PRAGMA|'
                        r'BEGIN|COMMIT|ROLLBACK|SAVEPOINT)\b')



def speaks_sql(text):
    # Comments do not count.
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    return SPEAKS_SQL.search(text) is not None


def self_test():
    caught = [
        'stmt = _cp_store_prepare (store, "SELECT 1", error);',
        'sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);',
        '#include <sqlite3.h>',
        '#include "cp-store-private.h"',
        'static const char sql[] = "SELECT id FROM note";',
        '"  UPDATE note SET body = ?2"',
        'int rc = sqlite3_step (stmt);',
        '_cp_store_unit_add (unit, "UPDATE note SET body = ?2 WHERE id = ?1");',
        'sqlite3_stmt *stmt;',
    ]
    passed = [
        '/* _cp_store_prepare (store, ...) is the store\'s */',
        'rows = _cp_store_people_load (store, id, error);',
        '#include "cp-store-people.h"',
        '#include "cp-store-model.h"',
        'unit = _cp_store_unit_for (CP_SQL_NOTE_SAVE);',
        '_("Select a note")',
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
    checked = 0
    for path in sorted(root.glob('src/**/*')):
        if path.suffix not in ('.c', '.h'):
            continue
        name = path.relative_to(root).as_posix()
        if name.startswith('src/core/store/'):
            continue
        if speaks_sql(path.read_text(encoding='utf-8')):
            problems.append(f'{name} speaks SQL; only src/core/store/ may')
        checked += 1
    if problems:
        print('\n'.join(problems))
        sys.exit(1)
    print(f'only the store speaks SQL: {checked} files outside it checked')


if __name__ == '__main__':
    main()
