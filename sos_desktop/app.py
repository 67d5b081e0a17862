"""Start-up of the GUI. The console's window paints first and fills in after, so the facilitator sees it at once:

1. the command line has been parsed (``cli``, which imports nothing heavy);
2. the QApplication is made and named (application, organisation, version, desktop file name), in Fusion style;
3. the data folder is resolved (``--data-dir``, else the platform's user data folder) and the settings opened there;
4. the console's frame is built at its saved size and shown: menu titles, the navigator, "Opening the database…".
   Nothing on this path imports SQLAlchemy, reportlab, networkx or the pages (``tests/test_startup_imports.py``);
5. once the frame has painted (:class:`ConsoleStart`): a second window on the same SQLite file is warned; the store
   is opened from ``--db`` / ``$SOS_DESKTOP_DB`` / the SQLite default and migrated to head. A store that cannot be
   opened is reported in plain words and the app quits without touching the file (a damaged one or one from a newer
   version is offered its newest backup); an encrypted one asks for its passphrase; an automatic backup is made
   (at most one an hour); on the very first run with an empty database, the demo meeting is created;
6. the frame is filled (:meth:`MainWindow.attach_store`) and the last open meeting reopened; the heap is settled
   (:func:`settle_heap`) so that the garbage collector's full passes stay short;
7. the first time this database is opened here, the welcome (demo meeting, new case, tour) is shown beside it.
   Only here, never in ``build_window``: tests and scripted runs build windows and must not meet it.

``--exit-after-first-paint`` quits after step 4's paint (steps 5 to 7 are not run), ``--exit-when-ready`` after the
first paint that follows step 6 (step 7 is not run): ``bench/run.py`` times both. Such a scripted start asks
nothing, since nobody is there to answer: whatever stops it (a data folder or a database that cannot be used, an
encrypted database without ``$SOS_DESKTOP_PASSPHRASE``) is said on stderr, with the newest backup and how to restore
it where one would help, and the program exits with status 1; a second window on the same database is noted there
and opened.

The data folder is the user's alone (``0700`` on POSIX, see ``store/paths.py``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sos_desktop import APP_NAME
from sos_desktop.store.errors import StoreError
from sos_desktop.store.paths import default_data_dir, private_folder
from sos_desktop.ui.common.application import make_application, set_icon
from sos_desktop.ui.common.settings_keys import FIRST_RUN_DONE, LAST_MEETING, database_setting
from sos_desktop.ui.shell.first_paint import AfterPaint, quit_after_paint
from sos_desktop.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile

    from sos_desktop.store.store import Store

OPEN_ANYWAY_AFTER_MS = 1000
"""If the frame has not painted by then (a window manager that keeps it hidden), the store is opened regardless."""


def open_settings(data_dir: Path) -> QSettings:
    """Settings live beside the database in the data folder, so ``--data-dir`` keeps a run fully isolated."""
    private_folder(data_dir)
    return QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)


def data_folder_problem(error: OSError) -> str:
    return f"The data folder cannot be used: {error.strerror or 'the system refused'}. Nothing was changed."


def first_run(store: Store, settings: QSettings) -> None:
    """Create the demo meeting the first time the app opens an empty database (each database once)."""
    done = database_setting(store.url, FIRST_RUN_DONE)
    if settings.value(done, False, type=bool):
        return
    if not store.has_cases():
        demo = store.save_demo()
        settings.setValue(database_setting(store.url, LAST_MEETING), demo.first)
    settings.setValue(done, True)
    settings.sync()


def scripted(args: argparse.Namespace) -> bool:
    """Whether nobody is there to answer a question: a start that quits by itself once ready or painted."""
    return bool(getattr(args, "exit_when_ready", False) or getattr(args, "exit_after_first_paint", False))


def open_store_at_start(
    args: argparse.Namespace, settings: QSettings, parent: QWidget | None = None
) -> tuple[Store | None, str | None]:
    """Step 5's store, ready for the console; or None and the sentence to show when it cannot be opened."""
    try:
        return start_store(args, settings, parent), None
    except StoreError as error:
        return None, str(error)
    except OSError as error:
        return None, data_folder_problem(error)


def start_store(args: argparse.Namespace, settings: QSettings, parent: QWidget | None = None) -> Store:
    """Step 5: the store opened, the demo made on a first run, the automatic backup; StoreError or OSError if not.

    A scripted start asks for no passphrase: an encrypted database opens with ``$SOS_DESKTOP_PASSPHRASE`` or not.
    """
    from sos_desktop.store.engine import PASSPHRASE_ENV_VAR, resolve_database_url
    from sos_desktop.store.store import Store
    from sos_desktop.ui.shell import encryption_menu
    from sos_desktop.ui.shell.backup_menu import automatic_backup

    url = resolve_database_url(args.db, args.data_dir)
    if scripted(args):
        store = Store.open(url, os.environ.get(PASSPHRASE_ENV_VAR) or None)
    else:  # an encrypted database: its passphrase, from the variable or asked for
        store = encryption_menu.open_store(url, parent)
    first_run(store, settings)
    automatic_backup(store, settings)
    return store


def scripted_start_problem(error: StoreError | OSError, args: argparse.Namespace) -> str:
    """What a scripted start says on stderr when the store cannot be opened: what the command line says."""
    from sos_desktop.store.backup import told_with_advice
    from sos_desktop.store.engine import resolve_database_url, sqlite_file

    if isinstance(error, OSError):
        return data_folder_problem(error)
    try:
        database = sqlite_file(resolve_database_url(args.db, args.data_dir))
    except StoreError:
        database = None
    return told_with_advice(error, database)


def tell_stderr(message: str) -> None:
    """One line for whoever started the program (a script), on stderr."""
    print(f"sos-desktop: {message}", file=sys.stderr, flush=True)


def build_window(args: argparse.Namespace) -> tuple[MainWindow | None, str | None]:
    """Steps 3 to 6 in one go, without showing the window: what tests and scripted runs use. Returns the window,
    or the sentence to show when the store cannot be opened.
    """
    data_dir: Path = args.data_dir or default_data_dir()
    try:
        settings = open_settings(data_dir)
    except OSError as error:
        return None, data_folder_problem(error)
    store, problem = open_store_at_start(args, settings)
    if store is None:
        return None, problem
    window = MainWindow(store, settings)
    window.restore_state()
    return window, None


def settle_heap() -> None:
    """Once the console is up: collect what start-up left behind, then set every object alive now aside from the
    cyclic garbage collector (``gc.freeze``).

    Python's full collections otherwise walk every object of the process (Qt's wrappers, SQLAlchemy, the modules),
    ≈ 60 ms that freeze the window at unforeseeable moments, such as while a big network is being arranged; after
    this they walk only what was made since (≈ 20 ms). Objects alive at start-up live as long as the program.
    """
    import gc

    gc.collect()
    gc.freeze()


class ConsoleStart(QObject):
    """Steps 5 to 7, run once the console's frame has painted (or after a second, whichever comes first)."""

    def __init__(self, window: MainWindow, args: argparse.Namespace, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.args = args
        self.settings = settings
        self.lock: QLockFile | None = None
        self.status: int | None = None  # set when start-up ends the program (a refusal or a store that will not open)
        self._started = False
        self.ready_quitter = quit_after_paint(window) if getattr(args, "exit_when_ready", False) else None
        # After the frame's first paint, so it reaches the screen before the store's work holds the event loop.
        AfterPaint(window, self.start).arm()
        QTimer.singleShot(OPEN_ANYWAY_AFTER_MS, self.start)

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        app = QApplication.instance()
        if isinstance(app, QApplication):
            set_icon(app)
        from sos_desktop.ui.shell import instance_lock
        from sos_desktop.ui.shell.backup_menu import restore_at_start

        self.lock, other_window = instance_lock.claim_for(self.args)
        if other_window is not None and scripted(self.args):
            tell_stderr(
                f"note: {APP_NAME} is already open on this database in another window (process {other_window}); "
                "a scripted start opens it here as well."
            )
        elif other_window is not None and not instance_lock.confirm_second_window(other_window, self.window):
            self._end(0)
            return
        if scripted(self.args):
            store, problem = self._open_or_say()
        else:
            store, problem = open_store_at_start(self.args, self.settings, self.window)
            if store is None and restore_at_start(problem or "", self.args, self.window):
                store, problem = open_store_at_start(self.args, self.settings, self.window)
        if store is None:
            if problem is not None:  # None: a scripted start has said it on stderr already
                QMessageBox.critical(self.window, APP_NAME, problem)
            self._end(1)
            return
        self.window.attach_store(store)
        self.window.reopen_last_meeting()
        settle_heap()
        if self.ready_quitter is not None:
            # Said for the benchmark to check what it timed: an id only, never a name.
            document = self.window.document
            print(f"ready: meeting {document.meeting_id} open" if document else "ready: no meeting open", flush=True)
            self.ready_quitter.arm()
        if self.ready_quitter is None:
            from sos_desktop.ui.guide.welcome import welcome_once

            welcome_once(self.window)
            self.window.offer_kept_changes_from_now()

    def _open_or_say(self) -> tuple[Store | None, None]:
        """The store for a scripted start, or None once the reason is said on stderr (no dialog to wait on)."""
        try:
            return start_store(self.args, self.settings, self.window), None
        except (StoreError, OSError) as error:
            tell_stderr(scripted_start_problem(error, self.args))
            return None, None

    def _end(self, status: int) -> None:
        self.status = status
        self.window.hide()
        QCoreApplication.exit(status)

    def finish(self) -> None:
        """After the event loop: the store closed, the second-window lock given back."""
        if self.window.attached:
            self.window.store.close()
        if self.lock is not None:
            self.lock.unlock()


def no_screen_reason() -> str | None:
    """Why the GUI cannot start here (a Linux machine with no desktop session), or None if it can try."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "There is no screen to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). Start SoS Desktop "
        "from a desktop session; the commands (sos-desktop --help) work without one."
    )


def run_gui(args: argparse.Namespace) -> int:
    reason = no_screen_reason()
    if reason is not None:
        print(f"sos-desktop: {reason}", file=sys.stderr)
        return 1
    app = make_application(icon=False)
    try:
        settings = open_settings(args.data_dir or default_data_dir())
    except OSError as error:
        if scripted(args):
            tell_stderr(data_folder_problem(error))
        else:
            QMessageBox.critical(None, APP_NAME, data_folder_problem(error))
        return 1
    window = MainWindow(None, settings)
    window.restore_geometry()
    if getattr(args, "exit_after_first_paint", False):
        # Timing the first paint only: the store is not opened at all, so its work cannot delay the quit.
        quit_after_paint(window).arm()
        window.show()
        return app.exec()
    start = ConsoleStart(window, args, settings)
    window.show()
    status = app.exec()
    start.finish()
    return start.status if start.status is not None else status
