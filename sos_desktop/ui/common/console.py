"""What the menus and the guides may use of the console's window: the ``Console``.

``shell.main_window.MainWindow`` is the one console. The menus (backup, encryption, export, meeting) and the guides
(help, tour, welcome) are built by it and given it, but type against this small surface instead of the window
itself, so that none of them imports the main window that imports them. A base class rather than a
``typing.Protocol``: the menus and dialogs parent themselves on the console, which Qt wants as a real widget.
The methods here only raise: the main window supplies each (``tests/ui/shell`` checks that it does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from sos_desktop.store.store import Store
    from sos_desktop.ui.document.meeting import MeetingDocument

PAGE_KEYS = (
    "map",
    "scaling",
    "review",
    "agenda",
    "network",
    "voice",
    "safety_house",
    "details",
    "chronology",
    "plan",
    "trajectory_plan",
    "agreement",
    "words_pictures",
)
"""The pages of an open meeting, by the keys the help and the tour name them with."""


class Console(QMainWindow):
    """The facilitator's console, as the menus and guides see it."""

    store: Store
    """The open database."""
    settings: QSettings
    """This machine's settings (``common.settings_keys`` names every key)."""
    document: MeetingDocument | None
    """The open meeting, or None."""

    def open_meeting(self, meeting_id: int) -> None:
        raise NotImplementedError

    def close_meeting(self, *, dropping: bool = False) -> bool:
        """Close the open meeting; False if edits still wait for the database and the user chose to keep trying.
        ``dropping``: the meeting is being deleted, so its waiting edits go with it.
        """
        raise NotImplementedError

    def new_case(self) -> None:
        raise NotImplementedError

    def reload_cases(self, select_meeting: int | None = None) -> None:
        """Read the list of cases and meetings again (after a restore, say), selecting ``select_meeting``."""
        raise NotImplementedError

    def lists_meeting(self, meeting_id: int) -> bool:
        """Whether the list of cases shows ``meeting_id`` (it may have gone with a restored database)."""
        raise NotImplementedError

    def cases_view(self) -> QWidget:
        """The list of cases and meetings, for a guide to point at."""
        raise NotImplementedError

    def page_key(self) -> str:
        """The key of the page in front (one of ``PAGE_KEYS``), or "start" while no meeting is open."""
        raise NotImplementedError

    def bring_page(self, key: str) -> QWidget:
        """Bring the open meeting's page ``key`` to the front and return the part of the window showing it (with
        no meeting open, the part that says how to open one).
        """
        raise NotImplementedError

    def export_open_meeting(self) -> None:
        """File › Export meeting file, for the open meeting as this window holds it."""
        raise NotImplementedError

    def show_settings(self) -> None:
        """Edit › Settings…"""
        raise NotImplementedError

    def apply_projector_look(self, theme: str, type_scale: float) -> None:
        """Show the projector in ``theme`` with its type at ``type_scale`` (as Settings chose them)."""
        raise NotImplementedError
