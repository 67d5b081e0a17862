"""The images a Words and Pictures panel may show: what kinds we accept (PNG and JPEG, told by their first bytes,
whatever a file's name or a meeting file says), how large, and a picture's bytes as a bundle carries them.

Pure functions, no Qt: the console also asks Qt whether the image can be read (``QImageReader``) before adding it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

MAX_PICTURE_BYTES = 20 * 1024 * 1024
"""The largest image a case keeps, as the store's ``repo/parts.py`` says."""

PNG = "image/png"
JPEG = "image/jpeg"
_SIGNATURES: tuple[tuple[bytes, str], ...] = ((b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
KIND_NAMES = {PNG: "PNG", JPEG: "JPEG"}


@dataclass(frozen=True)
class Picture:
    """An image's bytes and its media type, as a meeting bundle carries it from the store to a file and back."""

    media_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def media_type_of(data: bytes) -> str | None:
    """The media type the bytes begin as (PNG or JPEG), or None for anything else."""
    return next((media for signature, media in _SIGNATURES if data.startswith(signature)), None)


def picture_problem(data: bytes, media_type: str | None = None) -> str | None:
    """Why the bytes cannot be a panel's image (one sentence, to follow the place it names), or None if they can.

    ``media_type``: what the file or the meeting file claims the bytes are; it must agree with the bytes.
    """
    if not data:
        return "the image is empty."
    if len(data) > MAX_PICTURE_BYTES:
        size = len(data) / 1024 / 1024
        return f"the image is {size:.1f} MB; a case keeps images of up to {MAX_PICTURE_BYTES // 1024 // 1024} MB."
    found = media_type_of(data)
    if found is None:
        return "this is not a PNG or JPEG image (its first bytes are not an image's); save it as PNG or JPEG."
    if media_type is not None and media_type != found:
        return f"the image is said to be {media_type} but its bytes are a {KIND_NAMES[found]} image ({found})."
    return None


def checked_picture(data: bytes, media_type: str | None = None) -> Picture:
    """The bytes as a picture (ValueError, with :func:`picture_problem`'s sentence, when they cannot be one)."""
    problem = picture_problem(data, media_type)
    if problem is not None:
        raise ValueError(problem[:1].upper() + problem[1:])
    found = media_type_of(data)
    assert found is not None
    return Picture(found, bytes(data))
