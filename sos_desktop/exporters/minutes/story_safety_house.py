"""The minutes' "Safety House" section, made from the plain ``HouseView`` snapshot of ``minutes.safety_house``: per
child each place with the people shared in it and the child's words, the house rules, and the path to the door; a
note counting what the child did not agree to share. No section at all when no child drew a house at the meeting.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from sos_desktop.exporters.minutes.plain_text import plain
from sos_desktop.exporters.minutes.safety_house import HouseView
from sos_desktop.exporters.minutes.story_parts import section, subsection
from sos_desktop.exporters.minutes.styles import Styles, markup
from sos_desktop.models.safety_house import PATH_TITLE, RULES_TITLE


def safety_house_story(houses: tuple[HouseView, ...], s: Styles) -> list[Flowable]:
    """The "Safety House" section: nothing at all when no child drew one at this meeting."""
    flowables: list[Flowable] = []
    for number, house in enumerate(houses):
        lead: list[Flowable] = [*(section("Safety House", s) if number == 0 else []), *subsection(house.child, s)]
        for title, placed in house.places:
            block: list[Flowable] = [*lead, Paragraph(markup(title), s.category)]
            for name, words in placed:
                block.append(plain(f"{name}: “{words}”" if words.strip() else name, s.quote))
            flowables.append(KeepTogether(block))
            lead = []
        if house.rules:
            block = [*lead, Paragraph(markup(RULES_TITLE), s.category)]
            block += [plain(f"“{words}”", s.quote) for words in house.rules]
            flowables.append(KeepTogether(block))
            lead = []
        if house.path or house.path_words:
            block = [*lead, Paragraph(markup(PATH_TITLE), s.category)]
            if house.path:
                block.append(plain(f"The child put themselves at {house.path}.", s.body))
            if house.path_words.strip():
                block.append(plain(f"“{house.path_words}”", s.quote))
            flowables.append(KeepTogether(block))
            lead = []
        if lead:
            flowables += [*lead, plain("Nothing the child agreed to share was recorded.", s.note)]
        if house.not_shared:
            count = house.not_shared
            left_out = f"{count} {'entry is' if count == 1 else 'entries are'} left out"
            flowables.append(
                plain(f"{left_out}: the child has not agreed to share {'it' if count == 1 else 'them'}.", s.note)
            )
    return flowables
