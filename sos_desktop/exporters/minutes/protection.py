"""A password on a PDF: AES-256 encryption (PDF 2.0's security handler, revision 6), put on by qpdf via pikepdf.

reportlab writes the PDF in memory unencrypted; :func:`protect` re-writes those bytes encrypted before anything
reaches the disk, so the plain file never exists there. reportlab's own encryption offers RC4 (128 bits, broken)
or a revision-5 AES that poppler refuses; qpdf's AES-256 (R6) opens in poppler, qpdf, pdf.js, Acrobat and macOS
Preview. The owner password is random and thrown away, so the permissions (print and copy text, but not change
the file) cannot be lifted by anybody. pikepdf is imported only when a password is given.
"""

from __future__ import annotations

import io
import secrets
from typing import Final

AES_256_REVISION: Final = 6
"""The standard security handler's revision for AES-256 in PDF 2.0 (ISO 32000-2)."""


def protect(pdf: bytes, password: str) -> bytes:
    """``pdf`` encrypted with AES-256 (R6): it opens only with ``password``."""
    import pikepdf

    if not password:
        raise ValueError("An empty password would protect nothing; give a password or none.")
    allowed = pikepdf.Permissions(
        accessibility=True,
        extract=True,
        print_lowres=True,
        print_highres=True,
        modify_annotation=False,
        modify_assembly=False,
        modify_form=False,
        modify_other=False,
    )
    encryption = pikepdf.Encryption(
        owner=secrets.token_urlsafe(32), user=password, R=AES_256_REVISION, allow=allowed, aes=True, metadata=True
    )
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        document.save(out, encryption=encryption, fix_metadata_version=False)
    return out.getvalue()
