"""The console's actions on cases and meetings: new, edit, rename, delete, and importing a meeting file.

A part of the main window (``MainWindow`` inherits it), kept apart so that neither file grows past a few hundred
lines. Like the main window it is read on the way to the first paint, so it imports nothing heavy at the top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sos_desktop.lazy_names import lazy_module
from sos_desktop.store.errors import StoreError
from sos_desktop.ui.common.console import Console

if TYPE_CHECKING:
    from sos_desktop.models import Case
    from sos_desktop.ui.common import dialogs
    from sos_desktop.ui.shell.lazy_pages import LazyPages
    from sos_desktop.ui.shell.navigator import Navigator
else:
    dialogs = lazy_module("sos_desktop.ui.common.dialogs")


class CaseActions(Console):
    """File › New case, New meeting, New meeting from the last one, Case details, Rename, Delete and Import, for
    the main window.
    """

    navigator: Navigator
    pages: LazyPages

    if TYPE_CHECKING:  # supplied by MainWindow

        def _update_actions(self) -> None: ...

        def _details_changed(self) -> None: ...

    def new_case(self) -> None:
        from sos_desktop.ui.common.settings_keys import default_framework
        from sos_desktop.ui.shell.navigator import CASE

        case = dialogs.ask_case(self, None, default_framework(self.settings))
        if case is None:
            return
        try:
            case = self.store.add_case(case)
        except StoreError as error:
            dialogs.tell(self, "Could not create the case", str(error))
            return
        self.navigator.reload()
        assert case.id is not None
        self.navigator.select(CASE, case.id)
        self._update_actions()

    def edit_case(self) -> None:
        case_id = self.navigator.selected_case_id()
        if case_id is None:
            return
        old = self.store.get_case(case_id)
        case = dialogs.ask_case(self, old)
        if case is None:
            return
        self._save_case(case)

    def _save_case(self, case: Case) -> None:
        try:
            self.store.update_case(case)
        except StoreError as error:
            dialogs.tell(self, "Could not change the case", str(error))
            return
        if self.document is not None and self.document.case.id == case.id:
            self.document.replace_case(case)
            self._details_changed()
        self.navigator.reload(select_meeting=self.document.meeting_id if self.document else None)

    def new_meeting(self, title: str | None = None) -> int | None:
        from datetime import datetime

        from sos_desktop.models import Meeting, MeetingKind, Scale
        from sos_desktop.models.templates import template
        from sos_desktop.store.team_settings import team_agenda

        case_id = self.navigator.selected_case_id()
        if case_id is None:
            return None
        title = title or dialogs.ask_text(self, "New meeting", "Title of the meeting:", "Group supervision")
        if not title or not self._acceptable_name(title, "A meeting"):
            return None
        case = self.store.get_case(case_id)
        wording = template(case.framework).scale
        meeting = Meeting(
            title=title,
            case_id=case_id,
            kind=MeetingKind.GROUP_SUPERVISION,
            held_on=datetime.now().replace(second=0, microsecond=0),
            agenda=team_agenda(self.store),
            scales=[Scale(question=wording.question, zero_means=wording.zero_means, ten_means=wording.ten_means)],
        )
        try:
            meeting = self.store.add_meeting(meeting)
        except StoreError as error:
            dialogs.tell(self, "Could not create the meeting", str(error))
            return None
        assert meeting.id is not None
        self.navigator.reload(select_meeting=meeting.id)
        self.open_meeting(meeting.id)
        return meeting.id

    def continue_meeting(self) -> int | None:
        """Meeting › New meeting from the last one: the selected case's next meeting, continued from its latest."""
        from datetime import datetime, timedelta

        from sos_desktop.store.team_settings import team_agenda
        from sos_desktop.ui.supervision.continue_dialog import ContinueMeetingDialog

        case_id = self.navigator.selected_case_id()
        if case_id is None:
            return None
        try:
            latest = self.store.latest_meeting_id(case_id)
            if latest is None:
                dialogs.tell(
                    self, "No meeting to continue from", "This case has no meeting yet: add its first with New meeting."
                )
                return None
            previous = self.store.get_meeting(latest)
        except StoreError as error:
            dialogs.tell(self, "Could not read the case's last meeting", str(error))
            return None
        offered = datetime.now().replace(second=0, microsecond=0)
        if previous.held_on is not None and previous.held_on.replace(tzinfo=None) >= offered:
            # The last meeting is dated later than now (planned ahead): the next one is offered a week after it, so
            # the case's meetings stay in order and the next continue starts from this one.
            offered = previous.held_on.replace(tzinfo=None) + timedelta(days=7)
        dialog = ContinueMeetingDialog(previous, offered, self)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return None
        try:
            following = self.store.continue_meeting(
                latest,
                title=dialog.title.text(),
                held_on=dialog.held_on(),
                agenda=team_agenda(self.store, previous.kind),
                attendees=dialog.chosen_attendees(),
            )
        except (StoreError, ValueError) as error:
            dialogs.tell(self, "Could not create the meeting", str(error))
            return None
        assert following.id is not None
        self.navigator.reload(select_meeting=following.id)
        self.open_meeting(following.id)
        if self.document is not None and self.document.meeting_id == following.id:
            self.pages.show("review")
        return following.id

    def rename_selected(self) -> None:
        from sos_desktop.ui.shell.navigator import CASE

        selected = self.navigator.selected()
        if selected is None:
            return
        kind, item_id = selected
        if kind == CASE:
            case = self.store.get_case(item_id)
            label = dialogs.ask_text(self, "Rename case", "Name of the case:", case.label)
            if label and self._acceptable_name(label, "A case"):
                case.label = label
                self._save_case(case)
            return
        if self.document is None or self.document.meeting_id != item_id:
            self.open_meeting(item_id)
        assert self.document is not None
        title = dialogs.ask_text(self, "Rename meeting", "Title of the meeting:", self.document.meeting.title)
        if title and self._acceptable_name(title, "A meeting"):
            self.document.set_detail("title", title)

    def _acceptable_name(self, name: str, what: str) -> bool:
        """Whether ``name`` can name a case or meeting; if not, the user is told why."""
        from sos_desktop.models import check_label

        try:
            check_label(name, what)
        except ValueError as error:
            dialogs.tell(self, "That name cannot be used", str(error))
            return False
        return True

    def delete_selected(self) -> None:
        from sos_desktop.ui.shell.navigator import CASE

        selected = self.navigator.selected()
        if selected is None:
            return
        kind, item_id = selected
        try:
            if kind == CASE:
                case = self.store.get_case(item_id)
                count = len(self.store.list_meetings(item_id))
                question = (
                    f"Delete the case “{case.label}” and its {count} meeting{'s' if count != 1 else ''} "
                    "for good? This cannot be undone."
                )
                if not dialogs.confirm(self, "Delete case", question):
                    return
                if self.document is not None and self.document.case.id == item_id:
                    self.close_meeting(dropping=True)
                self.store.delete_case(item_id)
            else:
                meeting = self.store.get_meeting(item_id)
                if not dialogs.confirm(
                    self, "Delete meeting", f"Delete the meeting “{meeting.title}” for good? This cannot be undone."
                ):
                    return
                if self.document is not None and self.document.meeting_id == item_id:
                    self.close_meeting(dropping=True)
                self.store.delete_meeting(item_id)
        except StoreError as error:
            dialogs.tell(self, "Could not delete", str(error))
        self.navigator.reload(select_meeting=self.document.meeting_id if self.document else None)
        self._update_actions()

    def import_file(self) -> None:
        from sos_desktop.ui.shell.meeting_import import import_meeting_file

        path = dialogs.ask_open_path(self, "Import meeting file")
        if path is None:
            return
        meeting_id = import_meeting_file(self, self.store, path)
        if meeting_id is not None:
            self.navigator.reload(select_meeting=meeting_id)
            self.open_meeting(meeting_id)
