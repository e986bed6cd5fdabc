#!/usr/bin/python3
# test-atspi.py — walks Coachplan's window as assistive technology sees it
#
# Starts the app on an empty database in the running X server and session
# bus, finds the main controls by role and name over AT-SPI, opens the
# sample engagement by activating its button (as a screen reader user
# would), then visits each page and fails on any control in the tree — on
# show or not — that a screen reader could not name: no name, only its
# widget class ("GtkButton"), or a mnemonic's underscore read out. Then
# it starts the app again with LANGUAGE=de and finds it in German.
#
# Usage: test-atspi.py COACHPLAN
#
# Copyright 2026 The Coachplan authors
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

# Imported once the accessibility bus runs: see main().
pyatspi = None

INTERACTIVE = {
    'push button', 'toggle button', 'check box', 'radio button', 'entry', 'text',
    'password text', 'combo box', 'spin button', 'slider', 'switch', 'link', 'menu item',
    'page tab',
}
# List items (the sidebar's rows, a drop-down's choices) and table cells
# are read from the text inside them; GTK 4.8 gives no way to name them.
CLASS_NAME = re.compile(r'^(Gtk|Adw|Cp|GtkSource)[A-Z][A-Za-z]*$')
# A mnemonic's underscore read out: "_New Engagement New Engagement".
MNEMONIC = re.compile(r'(^|\s)_\w')


def walk(acc, found, path='', parent_role=None, parent_name=''):
    try:
        role = acc.getRoleName()
        name = acc.name or ''
        count = acc.childCount
    except Exception:
        return
    here = f'{path}/{role}:{name}'
    # The parts inside a named menu button are read as it; a drop-down's
    # toggle button is named too, as its own control.
    inner = parent_role in ('push button', 'toggle button') and parent_name != ''
    if not inner:
        found.append((acc, role, name, here))
    for i in range(count):
        child = acc.getChildAtIndex(i)
        if child is not None:
            walk(child, found, here, role, name)


def app_root(timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and (app.name or '') == 'coachplan':
                return app
        time.sleep(0.2)
    sys.exit('test-atspi: Coachplan never showed up on the accessibility bus')


def controls():
    found = []
    walk(app_root(), found)
    return found


def find(role, name, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        for acc, r, n, _ in controls():
            if r == role and n == name:
                return acc
        time.sleep(0.2)
    sys.exit(f'test-atspi: no {role} named “{name}”')


def activate(acc):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'activate', 'press', 'toggle', 'select'):
            action.doAction(i)
            return
    action.doAction(0)


def unnamed(where):
    bad = []
    for acc, role, name, path in controls():
        if role in INTERACTIVE and (name.strip() == '' or CLASS_NAME.match(name) or MNEMONIC.search(name)):
            bad.append(f'{where}: {role} “{name}” at {path}')
    return bad


def start(binary, work, name, language):
    env = dict(os.environ, GSK_RENDERER='cairo', LANGUAGE=language)
    env.pop('NO_AT_BRIDGE', None)
    app = subprocess.Popen([binary, '--database=' + os.path.join(work, name)], env=env)
    # Let the window come up before asking for its tree: an early walk
    # finds a tree not filled in yet.
    app_root()
    time.sleep(3)
    return app


def stop(app):
    app.terminate()
    app.wait(10)
    # The next app has the same name on the bus; let this one leave it.
    time.sleep(1)


def main():
    global pyatspi
    binary = sys.argv[1]
    work = tempfile.mkdtemp(prefix='coachplan-atspi-')
    # The accessibility bus of this session, as a desktop would start it.
    # Its daemons get no stdout: the test's output must end when it does.
    bus = subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(1)
    pyatspi = importlib.import_module('pyatspi')
    problems = []
    try:
        app = start(binary, work, 'atspi.db', 'C')
        try:
            # The empty window: its main controls, by role and name.
            find('push button', 'New Engagement')
            sample = find('push button', 'Open Sample Engagement')
            problems += unnamed('empty window')

            # A screen reader user opens the sample, then visits every
            # page; each fills in when first shown.
            activate(sample)
            find('entry', 'Search engagements')
            find('push button', 'Main Menu')
            # The page tabs are made with the first engagement shown.
            find('page tab', 'Overview')
            tabs = {name: acc for acc, role, name, _ in controls() if role == 'page tab'}
            for page in ('Overview', 'Plan', 'Measures', 'Register', 'Review', 'Notes'):
                if page not in tabs:
                    sys.exit(f'test-atspi: no page tab named “{page}”')
                activate(tabs[page])
                time.sleep(0.8)
            find('text', 'Title')
            find('entry', 'Search this engagement’s notes')
            problems += unnamed('every page')
            n = len(controls())
        finally:
            stop(app)

        # Started in German, the window speaks German.
        app = start(binary, work, 'atspi-de.db', 'de')
        try:
            find('push button', 'Neuer Auftrag')
            activate(find('push button', 'Beispielauftrag öffnen'))
            find('entry', 'Aufträge durchsuchen')
            find('page tab', 'Übersicht')
            find('page tab', 'Notizen')
        finally:
            stop(app)
    finally:
        os.killpg(bus.pid, signal.SIGTERM)
        bus.wait(10)

    for problem in sorted(set(problems)):
        print(problem)
    print(f'test-atspi: {n} accessible objects, {len(set(problems))} controls without a name; '
          'the German window found by its German names')
    sys.exit(1 if problems else 0)


main()
