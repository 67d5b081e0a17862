"""The team's audit across cases (Practice › Team audit): how the practice is used, case by case, over the whole
database.

The window paints at once and reads the cases' figures on a worker thread (``Store.audit``); they arrive by signal
and fill the tiles, the charts and the table. A filter (team, worker, period) is applied to the rows in memory, so
a change repaints within a frame or two however many meetings there are. The table lists cases by their label
(this is the team's own screen, never the wall) and sorts by any column. Double-click a case, or "Audit this
case…", to open its joint audit form. Export CSV writes the de-identified figures of the cases shown
(``exporters/audit/csv.py``); Export PDF the summary for managers (case codes, not labels, unless asked).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sos_desktop.models.audit import AuditFilter, CaseFigures, filter_cases, teams, workers
from sos_desktop.models.audit_standards import days_since_bands, standards_met
from sos_desktop.store.errors import StoreError
from sos_desktop.store.store import Store
from sos_desktop.ui.audit.charts import HistogramBin, HistogramChart, StandardBar, StandardsChart
from sos_desktop.ui.audit.filters import AuditFilterBar
from sos_desktop.ui.audit.table_model import AuditTableModel
from sos_desktop.ui.common import dialogs
from sos_desktop.ui.common.background import Job, Relay

READING = "Reading the cases' figures…"


def _load(store: Store, today: date) -> tuple[list[CaseFigures], dict[int, str]]:
    """The audit's rows and the cases' labels (on the worker thread)."""
    rows = store.audit(today=today)
    labels = {case.id: case.label for case in store.list_cases() if case.id is not None}
    return rows, labels


class Tile(QLabel):
    """One figure of the summary, large, with what it counts below."""

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what
        self.setObjectName("audit-tile")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("#audit-tile { background: #F2F4F7; border-radius: 6px; padding: 6px 10px; }")
        self.setAccessibleName(what)
        self.show_figure("—")

    def show_figure(self, figure: str) -> None:
        self.figure = figure
        self.setText(f"<span style='font-size:18pt; font-weight:600; color:#1F4E79'>{figure}</span><br>{self.what}")


class AuditWindow(QDialog):
    """The audit over ``store``; ``today`` is the audit's day (a test sets it)."""

    def __init__(self, store: Store, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.store = store
        self.today = today
        self.all_rows: list[CaseFigures] = []
        self.shown: list[CaseFigures] = []
        self.loaded = False
        self.setWindowTitle("Team audit across cases")
        self.filters = AuditFilterBar()
        self.filters.changed.connect(self.apply_filter)
        self.status = QLabel(READING)
        self.status.setAccessibleName("What the audit shows")
        self.tiles = {
            "cases": Tile("cases shown"),
            "map": Tile("maps complete"),
            "paired": Tile("danger statements all paired and scaled"),
            "plan": Tile("with a safety plan"),
            "voice": Tile("with the child's voice"),
            "overdue": Tile("overdue next steps"),
        }
        tiles = QGridLayout()
        for column, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, 0, column)
        self.standards = StandardsChart()
        self.histogram = HistogramChart()
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.standards)
        charts.addWidget(self.histogram)
        charts.setSizes([760, 520])
        self.model = AuditTableModel()
        self.table = QTableView()
        self.table.setAccessibleName("Cases and their figures")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 200)
        for column in range(1, self.model.columnCount()):
            header.resizeSection(column, 84 if column > 2 else 120)
        header.resizeSection(4, 110)  # "Days since last"
        header.resizeSection(5, 104)  # "Map complete"
        self.table.doubleClicked.connect(self._double_clicked)
        content = QSplitter(Qt.Orientation.Vertical)
        content.addWidget(charts)
        content.addWidget(self.table)
        content.setSizes([300, 420])
        self.audit_button = QPushButton("Audit this &case…")
        self.audit_button.setToolTip("The selected case's joint audit: grades, comments and the worker's reflection")
        self.csv_button = QPushButton("Export &CSV…")
        self.csv_button.setToolTip("The figures of the cases shown, de-identified: no label, reference or name")
        self.pdf_button = QPushButton("Export &PDF…")
        self.pdf_button.setToolTip("A summary for managers: the filter, the figures, the charts and the audits' grades")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.audit_button, self.csv_button, self.pdf_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.audit_button.clicked.connect(self.audit_selected)
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button.clicked.connect(self.export_pdf)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(tiles)
        layout.addWidget(self.status)
        layout.addWidget(content, 1)
        layout.addWidget(buttons)
        self.resize(1400, 860)
        self._set_busy(True)
        # Not a child of the window: a read still under way when the window is closed reports to a relay that
        # outlives it, and is no longer heard (see ``done``).
        self._relay = Relay()
        self._relay.finished.connect(self._arrived)
        self._relay.failed.connect(self._refused)
        self._listening = True
        self._job: Job | None = None

    # Loading -----------------------------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the figures on a worker thread; they are shown when they arrive (``show_rows``)."""
        from PySide6.QtCore import QThreadPool

        self._set_busy(True)
        self.status.setText(READING)
        store, today = self.store, self.today()
        self._job = Job(
            0, lambda: _load(store, today), self._relay, expected=(StoreError,), what="The team's audit",
            failure="The cases' figures could not be read ({kind}).",
        )  # fmt: skip
        QThreadPool.globalInstance().start(self._job)

    def _arrived(self, _number: int, result: tuple[list[CaseFigures], dict[int, str]]) -> None:
        self.show_rows(*result)

    def _refused(self, _number: int, message: str) -> None:
        self._failed(message)

    def done(self, result: int) -> None:
        """Closed: figures still being read are not waited for, and not shown when they come."""
        if self._listening:
            self._listening = False
            self._relay.finished.disconnect(self._arrived)
            self._relay.failed.disconnect(self._refused)
        super().done(result)

    def load_now(self) -> None:
        """Read the figures on this thread (tests, and after a joint audit is saved)."""
        try:
            self.show_rows(*_load(self.store, self.today()))
        except StoreError as error:
            self._failed(str(error))

    def show_rows(self, rows: Sequence[CaseFigures], labels: dict[int, str]) -> None:
        self.all_rows = list(rows)
        self.model.labels = labels
        self.loaded = True
        self.filters.set_choices(teams(self.all_rows), workers(self.all_rows))
        self._set_busy(False)
        self.apply_filter(self.filters.audit_filter())

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.status.setText(message)
        dialogs.tell(self, "Could not read the audit", message)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.filters, self.audit_button, self.csv_button, self.pdf_button):
            widget.setEnabled(not busy)

    # Filtering ---------------------------------------------------------------------------------------------------

    def apply_filter(self, flt: AuditFilter) -> None:
        """Show the cases ``flt`` keeps: the table, the tiles and the charts."""
        self.shown = filter_cases(self.all_rows, flt)
        self.model.set_rows(self.shown)
        met = standards_met(self.shown)
        count = len(self.shown)
        self.tiles["cases"].show_figure(f"{count:,}")
        for key, (_name, cases, of) in zip(("map", "paired", "plan", "voice"), met[:4], strict=True):
            self.tiles[key].show_figure(f"{round(100 * cases / of)} %" if of else "—")
        overdue = sum(f.overdue_steps for f in self.shown)
        self.tiles["overdue"].show_figure(f"{overdue:,}")
        self.standards.set_bars([StandardBar(name, cases, of) for name, cases, of in met])
        self.histogram.set_bins([HistogramBin(label, n, flag) for label, n, flag in days_since_bands(self.shown)])
        every = len(self.all_rows)
        self.status.setText(
            f"{count:,} of {every:,} case{'s' if every != 1 else ''} shown"
            + ("" if count else ": no case matches the filter; Show all brings every case back.")
        )

    # The case's joint audit --------------------------------------------------------------------------------------

    def selected_case(self) -> CaseFigures | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_at(rows[0].row()) if rows else None

    def _double_clicked(self, index: QModelIndex) -> None:
        figures = self.model.case_at(index.row())
        if figures is not None:
            self.open_case_audit(figures)

    def audit_selected(self) -> None:
        figures = self.selected_case()
        if figures is None:
            dialogs.inform(self, "Audit this case", "Select a case in the table first.")
            return
        self.open_case_audit(figures)

    def open_case_audit(self, figures: CaseFigures) -> QDialog:
        from sos_desktop.ui.audit.case_audit_dialog import CaseAuditDialog

        dialog = CaseAuditDialog(self.store, figures.case_id, self.model.label(figures), figures.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # Exports -----------------------------------------------------------------------------------------------------

    def export_csv(self) -> bool:
        """Write the de-identified figures of the cases shown; True when written."""
        from sos_desktop.exporters.audit.csv import write_audit_csv
        from sos_desktop.exporters.errors import ExportError

        path = dialogs.ask_save_path(self, "Export the audit as CSV", "team-audit.csv", "CSV files (*.csv)")
        if path is None:
            return False
        try:
            write_audit_csv(path, self.shown)
        except ExportError as error:
            dialogs.tell(self, "Could not export the audit", str(error))
            return False
        dialogs.inform(self, "Audit exported", f"The figures of {len(self.shown):,} cases were written to {path}.")
        return True

    def export_pdf(self) -> None:
        from sos_desktop.ui.audit.pdf_export import export_audit_pdf

        export_audit_pdf(self, self.store, self.shown, self.filters.audit_filter(), self.model.labels, self.today())
