"""Words and Pictures in the meeting file: the demo's story goes out and back in with its image byte for byte (export,
import, export gives the same file), a picture that is not a PNG or JPEG image is refused naming its place, and a
story, figure or image naming something not in the file is kept with a warning.
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sos_desktop.exporters.interchange import files
from sos_desktop.exporters.interchange.files import (
    ExportError,
    InterchangeError,
    bundle_to_dict,
    parse_meeting,
    write_meeting_file,
)
from sos_desktop.models.words_pictures_demo import demo_png
from sos_desktop.store import Store
from sos_desktop.store.repo.bundles import ImportMode


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'one.sqlite3'}") as opened:
        yield opened


def _demo_document(store: Store) -> dict[str, object]:
    return bundle_to_dict(store.load_bundle(store.save_demo().follow_up))


def test_the_story_and_its_image_go_out_and_back_in_byte_for_byte(store: Store, tmp_path: Path) -> None:
    demo = store.save_demo()
    out = tmp_path / "out.json"
    write_meeting_file(store.load_bundle(demo.follow_up), out)
    document = json.loads(out.read_text("utf-8"))
    [picture] = document["pictures"]
    assert picture["id"] == "img1" and picture["media_type"] == "image/png"
    assert base64.b64decode(picture["data"]) == demo_png()
    [story] = document["words_pictures"]
    assert len(story["panels"]) == 6 and story["panels"][3]["image"]["picture"] == "img1"
    child = next(person for person in document["people"] if person["id"] == story["child"])
    assert child["display_name"] == "L"

    with Store.open(f"sqlite:///{tmp_path / 'other.sqlite3'}") as fresh:
        imported = fresh.import_bundle(parse_meeting(document), ImportMode.REFUSE).bundle
        again = tmp_path / "again.json"
        assert imported.meeting.id is not None
        write_meeting_file(fresh.load_bundle(imported.meeting.id), again)
        assert again.read_bytes() == out.read_bytes()
        image = imported.meeting.words_pictures[0].panels[3].image
        assert image is not None and fresh.picture(image.picture) == ("image/png", demo_png())


@pytest.mark.parametrize(
    ("change", "place", "message"),
    [
        (
            lambda p: p.update(data=base64.b64encode(b"GIF89a\x01\x00").decode()),
            "pictures[0].data",
            "not a PNG or JPEG",
        ),
        (lambda p: p.update(data="not base64!"), "pictures[0].data", "not base64"),
        (lambda p: p.update(media_type="image/jpeg"), "pictures[0].data", "said to be image/jpeg"),
        (lambda p: p.update(sha256="0" * 64), "pictures[0].sha256", "not those its sha256 names"),
    ],
)
def test_a_bad_picture_is_refused_naming_its_place(store: Store, change: object, place: str, message: str) -> None:
    document = _demo_document(store)
    change(document["pictures"][0])  # type: ignore[index, operator]
    with pytest.raises(InterchangeError, match=message) as refused:
        parse_meeting(document)
    assert str(refused.value).startswith(place)


def test_links_to_nothing_are_left_out_with_a_warning_and_the_words_kept(store: Store) -> None:
    document = _demo_document(store)
    broken = copy.deepcopy(document)
    story = broken["words_pictures"][0]  # type: ignore[index]
    story["child"] = "p999"
    story["panels"][3]["image"]["picture"] = "img9"
    story["panels"][0]["drawing"]["shapes"][0]["person"] = "p998"
    warnings: list[str] = []
    bundle = parse_meeting(broken, warnings)
    [kept] = bundle.meeting.words_pictures
    assert kept.child is None and kept.panels[3].image is None
    assert kept.panels[3].words == document["words_pictures"][0]["panels"][3]["words"]  # type: ignore[index]
    assert kept.panels[0].drawing is not None and kept.panels[0].drawing.shapes[0].label == "Mum"
    assert bundle.pictures == {}
    assert len(warnings) == 3
    assert any("the story was imported as the family's" in warning for warning in warnings)
    assert any("the panel was imported without its image" in warning for warning in warnings)


def test_two_stories_for_one_child_are_refused(store: Store) -> None:
    document = _demo_document(store)
    stories = document["words_pictures"]
    second = copy.deepcopy(stories[0])  # type: ignore[index]
    second["key"] = "another"
    stories.append(second)  # type: ignore[attr-defined]
    with pytest.raises(InterchangeError, match="already the story of"):
        parse_meeting(document)


def test_a_meeting_too_large_to_read_back_is_not_written(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = store.load_bundle(store.save_demo().follow_up)
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 20_000)
    with pytest.raises(ExportError, match="Take some images off its Words and Pictures panels"):
        write_meeting_file(bundle, tmp_path / "big.json")
    assert not (tmp_path / "big.json").exists()
