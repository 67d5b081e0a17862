"""Words and Pictures in the store: stories saved whole with their images byte for byte, carried to the next
meeting, and a bundle's images kept for the case it is saved into.
"""

from __future__ import annotations

from datetime import date

from sos_desktop.models import Case, Meeting, NetworkPerson
from sos_desktop.models.drawing import Colour, Drawing, Shape, ShapeKind
from sos_desktop.models.words_pictures import Panel, PanelImage, PanelTells, Story, StoryState, story_hints
from sos_desktop.store import Store
from tests.models.test_words_pictures import tiny_png


def _case(store: Store) -> tuple[int, int, int, int]:
    case = store.add_case(Case("Pictures", reference="WP-1"))
    assert case.id is not None
    child = store.add_person(case.id, NetworkPerson("Ana Kowalska", display_name="Ana"))
    mum = store.add_person(case.id, NetworkPerson("Maria Kowalska", display_name="Mum"))
    meeting = store.add_meeting(Meeting("First", case_id=case.id))
    assert meeting.id is not None and child.id is not None and mum.id is not None
    return case.id, meeting.id, child.id, mum.id


def _story(child: int, mum: int, picture: int) -> Story:
    figure = Shape(ShapeKind.STICK_FIGURE, 0.2, 0.3, 0.16, 0.32, Colour.GREEN, "Mum", person=mum)
    return Story(
        child=child,
        title="Ana's story",
        state=StoryState.SHARED_WITH_PARENTS,
        shared_with_parents_on=date(2026, 12, 12),
        panels=[
            Panel("Mum and Dad  shout sometimes.\n", PanelTells.WORRY, drawing=Drawing([figure])),
            Panel("Nan’s house is safe 🏠", PanelTells.GOING_WELL, image=PanelImage(picture, "Nan's house")),
        ],
    )


def test_stories_and_their_images_come_back_byte_for_byte(store: Store) -> None:
    case_id, meeting_id, child, mum = _case(store)
    image = tiny_png()
    picture = store.add_picture(case_id, image, "image/png")
    story = _story(child, mum, picture)
    store.set_words_pictures(meeting_id, [story])
    again = store.get_meeting(meeting_id).words_pictures
    assert again == [story]
    assert again[0].panels[0].words == "Mum and Dad  shout sometimes.\n"
    assert store.picture(picture) == ("image/png", image)
    assert store.load_bundle(meeting_id).pictures[picture].data == image


def test_the_next_meeting_carries_the_stories_with_the_same_keys(store: Store) -> None:
    case_id, meeting_id, child, mum = _case(store)
    picture = store.add_picture(case_id, tiny_png(), "image/png")
    story = _story(child, mum, picture)
    store.set_words_pictures(meeting_id, [story])
    following = store.continue_meeting(meeting_id, title="Second", held_on=None, agenda=[])
    assert following.words_pictures == [story]
    assert [p.key for p in following.words_pictures[0].panels] == [p.key for p in story.panels]


def test_a_bundle_s_images_are_kept_for_the_case_it_is_saved_into(store: Store) -> None:
    case_id, meeting_id, child, mum = _case(store)
    picture = store.add_picture(case_id, tiny_png(), "image/png")
    store.set_words_pictures(meeting_id, [_story(child, mum, picture)])
    bundle = store.load_bundle(meeting_id)
    bundle.case = Case("Elsewhere", reference="WP-2")
    bundle.meeting.uid = ""
    copied = store.save_bundle(bundle)
    image = copied.meeting.words_pictures[0].panels[1].image
    assert image is not None and image.picture != picture
    assert copied.pictures[image.picture].data == tiny_png()
    assert copied.meeting.words_pictures[0].child != child


def test_the_demo_follow_up_tells_lily_s_story_in_six_panels_shared_with_the_parents(store: Store) -> None:
    demo = store.save_demo()
    meeting = store.get_meeting(demo.follow_up)
    network = store.get_network(meeting.case_id or 0)
    names = {person.id: person.display_name for person in network.people}
    [story] = meeting.words_pictures
    assert names[story.child] == "L" and story.state is StoryState.SHARED_WITH_PARENTS
    assert [panel.tells for panel in story.panels] == [PanelTells.WORRY] * 2 + [PanelTells.GOING_WELL] * 3 + [
        PanelTells.NEXT
    ]
    assert story_hints(story) == []
    drawn = [panel.drawing for panel in story.panels if panel.drawing is not None]
    assert len(drawn) == 5
    assert {names[person] for drawing in drawn for person in drawing.people()} == {"L", "Mum", "Dad", "Nan"}
    [image] = [panel.image for panel in story.panels if panel.image is not None]
    kept = store.picture(image.picture)
    assert kept is not None and kept[0] == "image/png" and kept[1].startswith(b"\x89PNG\r\n\x1a\n")
    assert store.get_meeting(demo.first).words_pictures == []
