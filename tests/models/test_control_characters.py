"""Control characters and bidirectional controls in names: found, written as visible escapes, or removed."""

from __future__ import annotations

from sos_desktop.models.control_characters import escape_controls, has_controls, is_control, strip_controls


def test_terminal_controls_and_bidi_overrides_become_visible_escapes() -> None:
    assert escape_controls("Family\x1b[2J Clear") == "Family\\x1b[2J Clear"
    assert escape_controls("\u202eNoor Haddad\u202c") == "\\u202eNoor Haddad\\u202c"
    assert escape_controls("Line\none\tand\r\x07\x7f\x9b") == "Line\\x0aone\\x09and\\x0d\\x07\\x7f\\x9b"
    assert escape_controls("a\u2066b\u2069c\u200e\u200f\u061c") == "a\\u2066b\\u2069c\\u200e\\u200f\\u061c"


def test_ordinary_text_in_any_script_is_left_as_it_is() -> None:
    for text in ("Zoë O'Neill", "Siobhán Ní Bhriain", "王小明", "राम", "نور حداد", "👩‍👧", ""):
        assert escape_controls(text) == text and not has_controls(text) and strip_controls(text) == text


def test_stripping_removes_only_the_controls() -> None:
    assert strip_controls("\u202eNoor\x1b Haddad\u202c") == "Noor Haddad"
    assert is_control("\x00") and is_control("\u202d") and not is_control(" ") and not is_control("\u200b")
