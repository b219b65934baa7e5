#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The project stands on its own: no file of the source tree points at
material kept elsewhere (the planning notes the project grew from, a
ticket number, a path of the machine it was written on); its contract is
docs/contract.md.  Prints each offending line and exits 1 when there is
one.  The patterns spell the names with a character class so that this
file does not match itself."""
import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP_DIRS = {".git"}
SUFFIXES = (".c", ".h", ".md", ".ui", ".xml", ".json", ".sql", ".txt", ".py", ".lua",
            ".build", ".in", ".css", ".sh", "run", "demo", "test")
PATTERNS = [
    (re.compile(r"\.\./sh[a]red|/wor[k]/"), "a path outside the repository"),
    (re.compile(r"\bS[P]EC\b|TOOLCHAI[N]\.md|STYL[E]\.md"), "the planning notes"),
    (re.compile(r"\biss[u]es?\s+#?\d+\b", re.IGNORECASE), "a ticket number"),
]
bad = 0
for top, dirs, files in os.walk(ROOT):
    dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith("build")]
    for name in files:
        path = os.path.join(top, name)
        if not name.endswith(SUFFIXES):
            continue
        try:
            with open(path, encoding="utf-8") as f:
                lines = f.readlines()
        except (UnicodeDecodeError, OSError):
            continue
        for number, line in enumerate(lines, 1):
            for pattern, what in PATTERNS:
                if pattern.search(line):
                    print(f"{os.path.relpath(path, ROOT)}:{number}: points at {what}: {line.strip()[:120]}")
                    bad += 1
print(f"{bad} references outside the repository")
sys.exit(1 if bad else 0)
