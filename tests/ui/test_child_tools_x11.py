"""The child's other tools in the real window on a real X display (Xvfb), driven with real X clicks and keys
(xdotool) the way a facilitator drives them, on the demo:

- the Safety House: Noah chosen, a new rule typed, its consent ticked, Add rule, then "Put the house's rules into the
  safety plan"; the rule is on the Safety plan page, and Ctrl+Z takes it out again;
- Words and Pictures: on Lily's story, a panel added, its words typed, Draw…, a stick figure placed with a click on
  the canvas, the editor closed; the storyboard shows the new panel, and Ctrl+Z takes it all back;
- the projector, practised in a window (one screen): Ctrl+Alt+O shows the Safety House, Ctrl+Alt+W and Page Down the
  story panel by panel;
- the Agreement page of the demo's conference: Nan's view of the first danger statement chosen from its list.

Each step is checked as the user sees it (the page's texts) and as it is kept (the meeting read from the store), and
its picture goes to /tmp/x. The outer test starts Xvfb and runs the driver, the inner test, in a Python of its own on
the xcb platform (the test run's own Qt is offscreen). Skipped where Xvfb or xdotool is missing (``./dev test``
installs both).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

DRIVER = "SOS_DESKTOP_X11_DRIVER"
"""Set in the driver's environment: the inner test runs only there."""

SHOTS = Path("/tmp/x")
"""Where each step's picture goes, to look at."""

WAIT_MS = 15_000
"""How long a window, a click or a save may take before the driver gives up (every wait ends as soon as it can)."""

RULE = "We say sorry after a row and then we have a hug"
PANEL_WORDS = "Lily and Mum made a list of people to ring"

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (Debian packages xvfb and xdotool)",
)


@pytest.fixture
def x_display() -> Iterator[str]:
    """An X server of its own, a laptop's 1280×800, on whichever display number is free."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not say which display it took"
    yield f":{number}"
    server.terminate()
    server.wait(10)


@pytest.mark.skipif(os.environ.get(DRIVER) == "1", reason="the driver runs the inner test only")
def test_the_child_s_tools_driven_in_a_real_window(x_display: str) -> None:
    environment = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb", DRIVER: "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", __file__]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "1 passed" in result.stdout, result.stdout[-3000:]


# The driver, in the app's own process on the X display ------------------------------------------------------------

if os.environ.get(DRIVER) == "1":
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QApplication, QListWidget, QToolButton, QWidget
    from pytestqt.qtbot import QtBot

    from sos_desktop.models.drawing import ShapeKind
    from sos_desktop.models.words_pictures import Story
    from sos_desktop.store.store import Store
    from sos_desktop.ui.agreement.panel import AgreementPanel
    from sos_desktop.ui.projector.modes import SafetyHouseMode, WordsPicturesMode
    from sos_desktop.ui.projector.window import ProjectorWindow
    from sos_desktop.ui.shell.main_window import MainWindow
    from sos_desktop.ui.voice.safety_house_panel import SafetyHousePanel
    from sos_desktop.ui.words_pictures.panel import WordsPicturesPanel

    class User:
        """Real X input to the app's windows: the pointer moved and clicked, keys pressed, text typed."""

        def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
            self.qtbot, self.window = qtbot, window

        def x(self, *arguments: str) -> None:
            subprocess.run(["xdotool", *arguments], check=True, timeout=WAIT_MS / 1000)

        def click(self, widget: QWidget, at: QPoint | None = None) -> None:
            """A left click on ``widget`` (at ``at`` in its own coordinates, else its middle)."""
            self.qtbot.waitUntil(widget.isVisible, timeout=WAIT_MS)
            top = widget.window()
            point = widget.mapTo(top, at if at is not None else widget.rect().center())
            self.x("mousemove", "--window", str(int(top.winId())), str(point.x()), str(point.y()), "click", "1")

        def focus(self, top: QWidget) -> None:
            """Give ``top`` the keyboard, as a click on its title bar would (Xvfb runs no window manager)."""
            self.x("windowfocus", "--sync", str(int(top.winId())))
            self.qtbot.waitUntil(lambda: QApplication.activeWindow() is top, timeout=WAIT_MS)

        def key(self, *keys: str) -> None:
            self.x("key", "--delay", "30", *keys)

        def type(self, text: str) -> None:
            self.x("type", "--delay", "15", text)

        def tab(self, key: str) -> QWidget:
            """Click the console's tab of the page ``key``; the page's content once it is in front."""
            tabs = self.window.tabs
            page = self.window.pages._pages[key]
            index = tabs.indexOf(page)
            bar = tabs.tabBar()
            # Thirteen pages do not fit in 1280 pixels: the bar's arrow brings the later ones into view.
            arrow = next(b for b in bar.findChildren(QToolButton) if b.arrowType() == Qt.ArrowType.RightArrow)
            for _ in range(tabs.count()):
                if bar.rect().contains(bar.tabRect(index)):
                    break
                shown = bar.tabRect(index)
                self.click(arrow)
                self.qtbot.waitUntil(lambda shown=shown: bar.tabRect(index) != shown, timeout=WAIT_MS)
            self.click(bar, bar.tabRect(index).center())
            self.qtbot.waitUntil(lambda: tabs.currentIndex() == index, timeout=WAIT_MS)
            panel = self.window.pages.panel(key)
            assert panel is not None
            self.qtbot.waitUntil(panel.isVisible, timeout=WAIT_MS)
            return panel

    def shot(widget: QWidget, name: str) -> None:
        """The window ``widget`` is in, as it shows now, to look at."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        # The window painted afresh: asked for its pixels, the X server may not yet have every part a page just shown
        # has painted, and would give the page before it in places.
        assert widget.window().grab().save(str(SHOTS / f"{name}.png"))

    def stored(store: Store, meeting_id: int):  # type: ignore[no-untyped-def]
        return store.get_meeting(meeting_id)

    def noah(window: MainWindow) -> int:
        assert window.document is not None
        found = next(p.id for p in window.document.network.people if p.display_name == "N")
        assert found is not None
        return found

    def the_safety_house(user: User, window: MainWindow, follow_up: int) -> None:
        qtbot, store = user.qtbot, window.store
        page = user.tab("safety_house")
        assert isinstance(page, SafetyHousePanel)
        child = noah(window)
        user.focus(window)
        user.key("alt+c")  # the "Child:" label's buddy, the chooser
        qtbot.waitUntil(page.chooser.hasFocus, timeout=WAIT_MS)
        user.key("Home", *["Down"] * [c.id for c in page._children].index(child))
        qtbot.waitUntil(lambda: page.current_child() == child, timeout=WAIT_MS)
        assert page.projector_name.text() == "On the projector: N"
        user.click(page.rules.draft)
        qtbot.waitUntil(page.rules.draft.hasFocus, timeout=WAIT_MS)
        user.type(RULE)
        qtbot.waitUntil(lambda: page.rules.draft.toPlainText() == RULE, timeout=WAIT_MS)
        user.click(page.rules.draft_consent)
        qtbot.waitUntil(page.rules.draft_consent.isChecked, timeout=WAIT_MS)
        shot(window, "1-safety-house-typed")
        user.click(page.rules.add_button)

        def house_rules() -> list[tuple[str, bool]]:
            houses = stored(store, follow_up).safety_houses
            house = next(h for h in houses if h.child == child)
            return [(rule.words, rule.consent_to_share) for rule in house.rules]

        qtbot.waitUntil(lambda: (RULE, True) in house_rules(), timeout=WAIT_MS)
        added = next(entry for entry in page.rules.entries.values() if entry.words.toPlainText() == RULE)
        qtbot.waitUntil(lambda: not added.visibleRegion().isEmpty(), timeout=WAIT_MS)  # scrolled into view
        assert page.rules.draft.toPlainText() == "" and not page.rules.draft_consent.isChecked()

        user.click(page.rules.to_plan)
        qtbot.waitUntil(lambda: RULE in [r.words for r in stored(store, follow_up).safety_plan.rules], timeout=WAIT_MS)
        qtbot.waitUntil(lambda: page.rules.to_plan.text() == "The house's rules are in the safety plan")
        assert not page.rules.to_plan.isEnabled()
        assert "put into the safety plan" in window.statusBar().currentMessage()
        shot(window, "2-safety-house-rules-taken")

        plan = user.tab("plan")
        rules = next(w for w in plan.findChildren(QListWidget) if w.accessibleName().startswith("Rules"))

        def listed() -> list[str]:
            return [rules.item(row).text() for row in range(rules.count())]

        assert any(RULE in text for text in listed())
        shot(window, "3-safety-plan-with-the-rule")
        user.focus(window)
        user.key("ctrl+z")
        qtbot.waitUntil(lambda: not any(RULE in text for text in listed()), timeout=WAIT_MS)
        assert RULE not in [r.words for r in stored(store, follow_up).safety_plan.rules]
        assert (RULE, True) in house_rules()  # only the taking into the plan is undone

    def the_story(store: Store, meeting_id: int, child: int) -> Story:
        return next(s for s in stored(store, meeting_id).words_pictures if s.child == child)

    def words_and_pictures(user: User, window: MainWindow, follow_up: int) -> None:
        qtbot, store = user.qtbot, window.store
        page = user.tab("words_pictures")
        assert isinstance(page, WordsPicturesPanel)
        story = page.current_story()
        assert story is not None and story.title == "Why Sam comes to see Lily", "the page opens on Lily's story"
        child = story.child
        before = [p.key for p in the_story(store, follow_up, child).panels]
        assert page.storyboard.count() == len(before)
        user.click(page.add_panel)
        qtbot.waitUntil(lambda: page.storyboard.count() == len(before) + 1, timeout=WAIT_MS)
        [new] = [p.key for p in the_story(store, follow_up, child).panels if p.key not in before]
        qtbot.waitUntil(page.words.hasFocus, timeout=WAIT_MS)  # the panel's words, ready to type
        user.type(PANEL_WORDS)

        def panel():  # type: ignore[no-untyped-def]
            return next(p for p in the_story(store, follow_up, child).panels if p.key == new)

        qtbot.waitUntil(lambda: panel().words == PANEL_WORDS, timeout=WAIT_MS)
        user.click(page.draw)
        qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=WAIT_MS)
        editor = page.editor
        assert editor is not None
        qtbot.waitExposed(editor)
        assert editor.palette_buttons[ShapeKind.STICK_FIGURE].isChecked()
        square = editor.canvas.square()
        user.click(editor.canvas, QPoint(int(square.center().x()), int(square.center().y())))
        qtbot.waitUntil(
            lambda: (
                panel().drawing is not None and [s.kind for s in panel().drawing.shapes] == [ShapeKind.STICK_FIGURE]
            ),
            timeout=WAIT_MS,
        )
        shot(editor, "4-drawing-a-stick-figure")
        close = next(b for b in editor.findChildren(QWidget) if getattr(b, "text", lambda: "")() == "Close")
        user.click(close)
        qtbot.waitUntil(lambda: not editor.isVisible(), timeout=WAIT_MS)
        row = page.storyboard.currentRow()
        assert page.storyboard.count() == len(before) + 1
        assert page.storyboard.item(row).toolTip().startswith(f"Panel {row + 1}:")
        assert page.words.toPlainText() == PANEL_WORDS
        shot(window, "5-storyboard-with-the-new-panel")

        user.focus(window)
        steps = 0
        while new in [p.key for p in the_story(store, follow_up, child).panels]:
            assert steps < 5, "Ctrl+Z does not take the new panel off"
            count = window.undo_group.activeStack().index()
            user.key("ctrl+z")
            qtbot.waitUntil(lambda count=count: window.undo_group.activeStack().index() == count - 1, timeout=WAIT_MS)
            steps += 1
        assert steps == 3  # the figure, the words (one burst of typing), the panel
        qtbot.waitUntil(lambda: page.storyboard.count() == len(before), timeout=WAIT_MS)

    def the_projector(user: User, window: MainWindow) -> None:
        qtbot = user.qtbot
        user.focus(window)
        user.key("F5")
        qtbot.waitUntil(lambda: window.projector.window is not None, timeout=WAIT_MS)
        wall = window.projector.window
        assert isinstance(wall, ProjectorWindow)
        qtbot.waitExposed(wall)
        user.focus(window)  # the projector never takes the keyboard: the console keeps it
        user.key("ctrl+alt+o")
        qtbot.waitUntil(lambda: isinstance(wall.view.mode(), SafetyHouseMode), timeout=WAIT_MS)
        texts = wall.view.drawn_texts()
        assert any(text.endswith("Safety House") for text in texts)
        assert not any("Noah" in text for text in texts)  # display names only
        shot(wall, "6-projector-safety-house")
        user.key("ctrl+alt+w")
        qtbot.waitUntil(lambda: isinstance(wall.view.mode(), WordsPicturesMode), timeout=WAIT_MS)
        first = wall.view.drawn_texts()
        shot(wall, "7-projector-words-pictures")
        user.key("Next")  # Page Down: the next panel
        qtbot.waitUntil(lambda: wall.view.drawn_texts() != first, timeout=WAIT_MS)
        shot(wall, "8-projector-words-pictures-next")
        user.key("F5")
        qtbot.waitUntil(lambda: not wall.isVisible(), timeout=WAIT_MS)

    def the_agreement(user: User, window: MainWindow, conference: int) -> None:
        qtbot, store = user.qtbot, window.store
        window.open_meeting(conference)
        qtbot.waitUntil(lambda: window.document is not None and window.document.meeting_id == conference)
        page = user.tab("agreement")
        assert isinstance(page, AgreementPanel)
        table = page.agreement
        nan = next(person for person in table.people() if "Nan" in table._heading(person))
        statement = table._statements[0]
        box = table.box(0, nan)
        table.table.scrollToItem(table.table.item(0, 0))
        user.click(box)
        popup = box.view()
        qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
        choice = box.findText("Does not agree")
        user.click(popup.viewport(), popup.visualRect(popup.model().index(choice, 0)).center())
        qtbot.waitUntil(lambda: box.currentText() == "Does not agree", timeout=WAIT_MS)
        views = stored(store, conference).family_meeting
        assert views.view(statement.key, nan).view.value == "does_not_agree"
        shot(window, "9-agreement-nan-does-not-agree")

    def test_driven_by_a_user(console: MainWindow, qtbot: QtBot) -> None:
        window = console
        window.resize(1280, 800)
        _first, follow_up, conference = sorted(m.id for m in window.store.list_meetings() if m.id is not None)
        window.open_meeting(follow_up)
        qtbot.waitUntil(lambda: window.document is not None and window.document.meeting_id == follow_up)
        user = User(qtbot, window)
        the_safety_house(user, window, follow_up)
        words_and_pictures(user, window, follow_up)
        the_projector(user, window)
        the_agreement(user, window, conference)
