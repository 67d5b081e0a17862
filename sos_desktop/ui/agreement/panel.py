"""The Agreement page: for each danger statement and safety goal, who at the meeting agrees and who does not (with
their words), and below it a conference's decision. The decision form shows for a child protection conference;
another kind of meeting says how to get it. A line at the top says whether the family is present (Projector ›
The family is present), since the wall then flags jargon and leaves professional-only cards out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from sos_desktop.models import MeetingKind
from sos_desktop.ui.agreement.decision import DecisionForm
from sos_desktop.ui.agreement.table import AgreementTable
from sos_desktop.ui.document.meeting import MeetingDocument

PRESENT = "The family is present: the projector flags the team's jargon and leaves professional-only cards out."
NOT_PRESENT = "The family is not marked present (Projector › The family is present)."
NOT_A_CONFERENCE = "A decision is recorded at a child protection conference: choose that kind on Meeting details."


class AgreementPanel(QWidget):
    def __init__(self, document: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("agreement-panel")
        self.present = QLabel()
        self.present.setObjectName("family-present-line")
        self.present.setWordWrap(True)
        self.agreement = AgreementTable(document)
        self.decision = DecisionForm(document)
        self.no_decision = QLabel(NOT_A_CONFERENCE)
        self.no_decision.setWordWrap(True)
        self.no_decision.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.present)
        # A splitter between the table and the decision: on a small laptop the chair drags more room to either.
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.agreement)
        self.split.addWidget(self.decision)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.no_decision)
        document.familyMeetingChanged.connect(self.refresh)
        document.detailsChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.present.setText(PRESENT if self.document.family_present else NOT_PRESENT)
        conference = self.document.meeting.kind is MeetingKind.CONFERENCE
        self.decision.setVisible(conference)
        self.no_decision.setVisible(not conference)
