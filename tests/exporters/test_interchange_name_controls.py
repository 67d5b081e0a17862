"""Control characters and bidirectional controls in names are taken out on import, with a warning naming where
they were (not the name); the words of cards keep them, exactly as written.
"""

from __future__ import annotations

from sos_desktop.exporters.interchange.files import bundle_to_dict, parse_meeting
from sos_desktop.models import Category
from sos_desktop.models.demo import demo_bundle


def test_names_lose_their_control_characters_and_the_places_are_told() -> None:
    bundle = demo_bundle()
    bundle.network.people[0].name = "\u202eNoor Haddad\u202c"
    bundle.network.people[1].display_name = "Z\x1b[2J"
    bundle.meeting.attendees[0].name = "Sam\x07 Patel"
    bundle.meeting.title = "Group\u2066 supervision"
    card = next(item for item in bundle.meeting.items if item.category is Category.HARM)
    card.text = "Lily said \u202bمرحبا\u202c to Nan"  # free text: kept as written
    warnings: list[str] = []
    read = parse_meeting(bundle_to_dict(bundle), warnings)
    assert read.network.people[0].name == "Noor Haddad"
    assert read.network.people[1].display_name == "Z[2J"
    assert read.meeting.attendees[0].name == "Sam Patel"
    assert read.meeting.title == "Group supervision"
    assert any(item.text == "Lily said \u202bمرحبا\u202c to Nan" for item in read.meeting.items)
    assert len(warnings) == 1
    told = warnings[0]
    for place in ("people[0].name", "people[1].display_name", "meeting.attendees[0].name", "meeting.title"):
        assert place in told
    assert "Noor" not in told and "Sam" not in told  # where, never who


def test_a_clean_file_gives_no_warning() -> None:
    warnings: list[str] = []
    parse_meeting(bundle_to_dict(demo_bundle()), warnings)
    assert warnings == []


def test_control_characters_never_reach_the_minutes_as_boxes() -> None:
    """Typed on the console, a name or a card can still hold them: the PDF leaves them out."""
    from sos_desktop.exporters.minutes.styles import markup

    assert markup("Noor\u202e Haddad\x1b[2J\tsaid\nhello") == "Noor Haddad[2J said<br/>hello"
    assert markup("Mum & Dad <agree>") == "Mum &amp; Dad &lt;agree&gt;"
