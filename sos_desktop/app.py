"""Start-up of the GUI, in this order:

1. the command line has been parsed (``cli.py``);
2. the QApplication is made and named (application, organisation, version, desktop file name);
3. the data folder is resolved (``--data-dir``, else the platform's user data folder) and the settings opened there;
4. the look is set (Fusion style, so every platform looks and measures alike);
5. the store is opened from ``--db`` / ``$SOS_DESKTOP_DB`` / the SQLite default, and migrated to head; a store that
   cannot be opened is reported in plain words and the app quits without touching the file (a damaged one or one
   from a newer version is offered its newest backup); a second window on the same SQLite file is warned first;
   an automatic backup is made (at most one an hour);
6. on the very first run with an empty database, the demo meeting is created;
7. the console window is built, its geometry and last open meeting restored, and shown;
8. the first time this database is opened here, the welcome (demo meeting, new case, tour) is shown beside it.
   Only here, never in ``build_window``: tests and scripted runs build windows and must not meet it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from sos_desktop import APP_NAME
from sos_desktop.models.demo import demo_bundle
from sos_desktop.store.engine import default_data_dir, resolve_database_url
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.ui import encryption_menu, instance_lock
from sos_desktop.ui.application import make_application
from sos_desktop.ui.backup_menu import automatic_backup, restore_at_start
from sos_desktop.ui.main_window import MainWindow, database_setting
from sos_desktop.ui.welcome import welcome_once


def open_settings(data_dir: Path) -> QSettings:
    """Settings live beside the database in the data folder, so ``--data-dir`` keeps a run fully isolated."""
    data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)


def first_run(store: Store, settings: QSettings) -> None:
    """Create the demo meeting the first time the app opens an empty database (each database once)."""
    done = database_setting(store.url, "first_run_done")
    if settings.value(done, False, type=bool):
        return
    if not store.list_cases():
        bundle = store.save_bundle(demo_bundle())
        settings.setValue(database_setting(store.url, "last_meeting"), bundle.meeting.id)
    settings.setValue(done, True)
    settings.sync()


def build_window(args: argparse.Namespace) -> tuple[MainWindow | None, str | None]:
    """Steps 3 to 7 of start-up; returns the window, or the sentence to show when the store cannot be opened."""
    data_dir: Path = args.data_dir or default_data_dir()
    try:
        url = resolve_database_url(args.db, args.data_dir)
        settings = open_settings(data_dir)
        store = encryption_menu.open_store(url)  # an encrypted database: its passphrase, from the variable or asked
        first_run(store, settings)
        automatic_backup(store, settings)
    except StoreError as error:
        return None, str(error)
    except OSError as error:
        return None, f"The data folder cannot be used: {error.strerror or 'the system refused'}. Nothing was changed."
    window = MainWindow(store, settings)
    window.restore_state()
    return window, None


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
    app = make_application()
    lock, other_window = instance_lock.claim_for(args)
    if other_window is not None and not instance_lock.confirm_second_window(other_window):
        return 0
    window, problem = build_window(args)
    if window is None and restore_at_start(problem or "", args):
        window, problem = build_window(args)
    if window is None:
        QMessageBox.critical(None, APP_NAME, problem or "The database could not be opened.")
        return 1
    if getattr(args, "exit_after_first_paint", False):
        from sos_desktop.ui.first_paint import QuitAfterFirstPaint

        QuitAfterFirstPaint(window)
    window.show()
    if not getattr(args, "exit_after_first_paint", False):
        welcome_once(window)
    status = app.exec()
    window.store.close()
    if lock is not None:
        lock.unlock()
    return status
