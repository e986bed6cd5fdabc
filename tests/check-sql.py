#!/usr/bin/env python3
# check-sql.py — SQL only through bound parameters
#
# Fails when a C source builds SQL text from values: a printf-style call
# whose format holds SQL and a text conversion (%s, %q, …), any use of
# sqlite3_mprintf, or SQL put together with g_strconcat or GString. Whole
# numbers the code itself chose (PRAGMA user_version = %d) are allowed:
# PRAGMA takes no parameters.
#
# Before it looks at the tree, it checks itself on samples that must be
# caught and samples that must pass, so it cannot silently pass.
#
# Copyright 2026 The Coachplan authors
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import re
import sys

SQL = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|ATTACH|PRAGMA|'
                 r'WHERE|VALUES|ORDER BY)\b')
PRINTF = re.compile(r'\b(g_strdup_printf|g_strdup_vprintf|g_string_printf|g_string_append_printf|'
                    r'sqlite3_snprintf|g_snprintf|snprintf|sprintf)\s*\(')
CONCAT = re.compile(r'\b(g_strconcat|g_string_append|g_string_new|g_strjoin)\s*\(')
LITERALS = re.compile(r'((?:"(?:[^"\\]|\\.)*"\s*(?:G_G?U?INT64_FORMAT\s*|G_GSIZE_FORMAT\s*)?)+)')
CONVERSION = re.compile(r'%[-+ #0]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|z|j|t)?([a-zA-Z%])')
NUMERIC = set('diuxX%')


def first_literal(text, start):
    """The string literals first given in the call whose arguments start at @start."""
    depth = 0
    for i in range(start, min(len(text), start + 400)):
        c = text[i]
        if c == '"' and depth == 0:
            return LITERALS.match(text, i)
        if c in '([':
            depth += 1
        elif c in ')]':
            if depth == 0:
                return None
            depth -= 1
        elif c == ';':
            return None
    return None


def literal_text(chunk):
    return ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', chunk))


def problems(name, text):
    found = []
    if 'sqlite3_mprintf' in text or 'sqlite3_vmprintf' in text:
        found.append(f'{name}: sqlite3_mprintf builds SQL from values')
    for pattern, kind in ((PRINTF, 'printf'), (CONCAT, 'concat')):
        for call in pattern.finditer(text):
            args = first_literal(text, call.end())
            if not args:
                continue
            fmt = literal_text(args.group(1))
            if not SQL.search(fmt):
                continue
            line = text.count('\n', 0, call.start()) + 1
            if kind == 'concat':
                found.append(f'{name}:{line}: SQL put together with {call.group(1)}')
                continue
            bad = [c for c in CONVERSION.findall(fmt) if c not in NUMERIC]
            if bad:
                found.append(f'{name}:{line}: SQL built with %{bad[0]} in {call.group(1)}')
    return found


def self_test():
    caught = [
        'char *q = g_strdup_printf ("SELECT * FROM note WHERE title = \'%s\'", title);',
        'g_string_append_printf (sql, "DELETE FROM note WHERE id IN (%s)", ids);',
        'char *q = sqlite3_mprintf ("INSERT INTO t VALUES (%Q)", v);',
        'char *q = g_strconcat ("SELECT body FROM note WHERE tags = \'", tag, "\'", NULL);',
        'g_snprintf (buf, sizeof buf, "UPDATE note SET body = \'%s\'", body);',
    ]
    passed = [
        'pragma = g_strdup_printf ("PRAGMA user_version = %d", version);',
        'stmt = _cp_store_prepare (store, "SELECT body FROM note WHERE id = ?1", error);',
        'message = g_strdup_printf (_("Could not save “%s”"), title);',
        'g_string_append (out, "| Name | Role |");',
    ]
    for sample in caught:
        if not problems('sample', sample):
            sys.exit(f'check-sql: failed to catch: {sample}')
    for sample in passed:
        if problems('sample', sample):
            sys.exit(f'check-sql: wrongly caught: {sample}')


def main():
    self_test()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
    files = sorted(root.glob('src/**/*.c'))
    if not files:
        sys.exit(f'check-sql: no sources under {root}')
    found = []
    for path in files:
        found += problems(str(path.relative_to(root)), path.read_text(encoding='utf-8'))
    for problem in found:
        print(problem)
    print(f'check-sql: {len(files)} files, {len(found)} problems')
    sys.exit(1 if found else 0)


main()
