#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a running client's accessible tree over AT-SPI the way a screen
reader does and names every control a user could not tell apart: no
name, a mnemonic underscore in the name, or a widget class for a name.

Usage: platz-a11y-walk.py PID [--dump]
Prints "controls N" and one line per problem; exit status 1 on a problem,
2 when the application is not on the accessibility bus in time.
"""
import re
import sys
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

R = Atspi.Role
# What a user operates: it must say what it does.
CONTROLS = {
    R.PUSH_BUTTON, R.TOGGLE_BUTTON, R.CHECK_BOX, R.RADIO_BUTTON, R.ENTRY,
    R.PASSWORD_TEXT, R.COMBO_BOX, R.SPIN_BUTTON, R.SLIDER, R.LINK,
    R.MENU_ITEM, R.CHECK_MENU_ITEM, R.RADIO_MENU_ITEM, R.PAGE_TAB,
}
# Parts that are controls when the user can focus them.
FOCUSABLE_CONTROLS = {R.LIST_ITEM, R.TABLE_ROW, R.TABLE_CELL, R.TREE_ITEM, R.IMAGE,
                      R.TEXT}
# AT-SPI has a separate role for a switch only in newer versions.
if hasattr(R, 'SWITCH'):
    CONTROLS.add(R.SWITCH)

CLASS_NAME = re.compile(r'^(Gtk|Adw|Platz)[A-Z]\w*$')
MNEMONIC = re.compile(r'(^|\W)_\w')
TIMEOUT_S = 10


def find_app(pid):
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except gi.repository.GLib.Error:
                continue
        time.sleep(0.1)
    return None


def main():
    pid = int(sys.argv[1])
    dump = '--dump' in sys.argv[2:]
    app = find_app(pid)
    if app is None:
        print('application %d is not on the accessibility bus' % pid)
        return 2

    problems = []
    controls = 0
    # Bounded walk: an explicit stack, each node once, a cap on the count.
    stack = [(app, 0, [])]
    seen = 0
    while stack and seen < 20000:
        node, depth, path = stack.pop()
        seen += 1
        role = node.get_role()
        name = node.get_name() or ''
        states = node.get_state_set()
        if dump:
            print('%s%s [%s] %s' % ('  ' * depth, node.get_role_name(), name,
                                   ' '.join(Atspi.StateType(x).value_nick for x in states.get_states())))
        if depth > 0 and not states.contains(Atspi.StateType.VISIBLE):
            continue
        here = path + ['%s "%s"' % (node.get_role_name(), name)]
        focusable = states.contains(Atspi.StateType.FOCUSABLE)
        is_control = role in CONTROLS or (focusable and role in FOCUSABLE_CONTROLS)
        if is_control:
            controls += 1
        problem = None
        if not is_control:
            pass
        elif CLASS_NAME.match(name.strip()):
            problem = 'named by its class'
        elif name.strip() == '':
            problem = 'no name'
        elif MNEMONIC.search(name):
            problem = 'mnemonic underscore in the name'
        if problem is not None:
            problems.append('%s: %s' % (problem, ' > '.join(here[-4:])))
        children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
        for child in reversed(children):
            if child is not None:
                stack.append((child, depth + 1, here))

    print('controls %d' % controls)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
