#!/usr/bin/env python3
# encode-symbolic.py SVG SIZE OUTPUT — a symbolic icon as GTK's symbolic PNG
#
# GTK draws a symbolic PNG with its own PNG reader; a symbolic SVG needs
# gdk-pixbuf's SVG loader and librsvg, which cost a start that shows the
# large status-page icon several milliseconds. gtk4-encode-symbolic-svg
# names its output after the icon; this puts it where the build wants it.
#
# Copyright 2026 The Coachplan authors
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import shutil
import subprocess
import sys
import tempfile

svg, size, output = sys.argv[1:4]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(['gtk4-encode-symbolic-svg', '-o', tmp, svg, f'{size}x{size}'], check=True)
    (made,) = pathlib.Path(tmp).glob('*.symbolic.png')
    shutil.move(made, output)
