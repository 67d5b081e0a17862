"""``sos-desktop audit --pdf OUT.pdf``: the PDF summary of the team's audit from the command line, by case code."""

from __future__ import annotations

import subprocess
from pathlib import Path

from cli_support import run


def test_the_pdf_summary_is_written_without_the_case_s_label(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "demo")[0] == 0
    target = tmp_path / "summary.pdf"
    status, out, err = run(data, "audit", "--pdf", str(target))
    assert (status, err) == (0, "")
    assert "Wrote the audit summary of 1 case" in out
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Team audit across cases" in text
    assert "Ruth Mensah" not in text  # an auditor's name is not printed; the grades are
    assert "1 audit of 1 case." in " ".join(text.split())
    assert "Family Demo" not in text  # the demo case's label


def test_neither_csv_nor_pdf_is_a_clear_refusal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "demo")[0] == 0
    status, _out, err = run(data, "audit")
    assert status == 2
    assert "--csv OUT.csv, --pdf OUT.pdf, or both" in err
