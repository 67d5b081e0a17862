"""Before projecting: does anything the wall would show still hold a full name that masking cannot hide?

Every text on the wall goes through the masker, so a network person's full name in a card, the focus question, the
meeting's title or the case label becomes their display name; so do last time's next steps, the chronology and the
cards dropped since last time, which the views of the case over time show, and the safety plan's rules and signs
and the trajectory plan's milestones. What masking cannot hide is a full name that the display names themselves
bring back: a person whose display name is their own full name (or holds another person's), which the network view,
the rater chips and every masked text then show as it is. F5 lists each text that would show one, and which names,
and asks before projecting (:func:`ask_project_with_names`).

A name that is not a network person's cannot be known for a name ("a meeting about Sarah Jones" when Sarah is not
in the network): it is not guessed at, and the facilitator's eye remains the last check.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from sos_desktop.models.changes import CardChangeKind
from sos_desktop.models.labels import HOUSE_TITLES
from sos_desktop.models.names import NameMasker, shown_name
from sos_desktop.models.safety_house import SafetyHouse
from sos_desktop.ui.common.choice import ask_choice
from sos_desktop.ui.document.meeting import MeetingDocument
from sos_desktop.ui.projector.over_time_views import for_the_family
from sos_desktop.ui.projector.projection import wall_masker
from sos_desktop.ui.projector.words_pictures_content import words_pictures_texts

_QUOTED = 40
"""How many characters of a card (as the wall shows it) the warning quotes to say which card it is."""


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:_QUOTED]}…”" if len(text) > _QUOTED else f"“{text}”"


def wall_texts(document: MeetingDocument, masker: NameMasker) -> list[tuple[str, str]]:
    """What the wall would show of ``document``, as (which text, the text as shown), before it is drawn."""
    meeting, case, template = document.meeting, document.case, document.template
    texts = [
        ("The meeting's title", masker.mask(meeting.title)),
        ("The case label", masker.mask(case.label)),
        ("The focus question", masker.mask(meeting.focus_question)),
    ]
    for item in meeting.items:
        if item.professional_only and document.family_present:
            continue  # never on the wall while the family is present
        shown = masker.mask(item.text)
        texts.append((f"A card in {template.label(item.category)} {_quoted(shown)}", shown))
        if item.owner.strip():
            texts.append((f"The owner of {_quoted(shown)}", masker.name(item.owner)))
    for number, scale in enumerate(meeting.scales, start=1):
        where = f"Scale {number}"
        texts += [(where, masker.mask(text)) for text in (scale.question, scale.zero_means, scale.ten_means)]
        texts += [(f"A rater on scale {number}", masker.name(rating.rater)) for rating in scale.ratings]
    for entry in meeting.child_voice:
        if entry.consent_to_share:
            texts.append((f"The child's words in {HOUSE_TITLES[entry.house]}", masker.mask(entry.words)))
    for person in document.network.people:
        texts.append(("A name on the safety network", shown_name(person)))
    for house in document.meeting.safety_houses:
        texts += [
            (f"The child's words in the Safety House {_quoted(shown)}", shown) for shown in house_texts(house, masker)
        ]
    texts += words_pictures_texts(document.meeting, document.network, masker.mask)
    return texts + over_time_texts(document, masker) + plan_texts(document, masker)


def house_texts(house: SafetyHouse, masker: NameMasker) -> list[str]:
    """What the wall's Safety House would show of the child's words: the shared ones, masked."""
    words = [placed.words for placed in house.people if placed.consent_to_share]
    words += [rule.words for rule in house.rules if rule.consent_to_share]
    words += [house.path_words] if house.path_consent else []
    return [masker.mask(text) for text in words if text.strip()]


def over_time_texts(document: MeetingDocument, masker: NameMasker) -> list[tuple[str, str]]:
    """What the wall's views of the case over time would show beyond the map: last time's next steps under review
    (their words, owners and notes), the chronology, the cards dropped or reworded since last time.
    """
    texts: list[tuple[str, str]] = []
    for review in document.meeting.reviews:
        shown = masker.mask(review.text)
        texts.append((f"A next step from last time {_quoted(shown)}", shown))
        if review.owner.strip():
            texts.append((f"The owner of {_quoted(shown)}", masker.name(review.owner)))
        if review.note.strip():
            texts.append((f"The review note on {_quoted(shown)}", masker.mask(review.note)))
    for event in document.chronology:
        shown = masker.mask(event.what)
        texts.append((f"An event on the chronology {_quoted(shown)}", shown))
        if event.source.strip():
            texts.append((f"The source of {_quoted(shown)}", masker.mask(event.source)))
    changes = for_the_family(document.changes(), document)  # none of the professionals' own cards, with the family
    for found in changes.cards.values() if changes is not None else ():
        for change in found:
            if change.kind is CardChangeKind.DROPPED:
                shown = masker.mask(change.text)
                texts.append((f"A card dropped since last time {_quoted(shown)}", shown))
            elif change.before.strip():
                texts.append(("What a changed card said last time", masker.mask(change.before)))
    return texts


def plan_texts(document: MeetingDocument, masker: NameMasker) -> list[tuple[str, str]]:
    """What the wall's views of the plans would show: the safety plan's rules, what happens if one is broken, the
    warning signs and what to do; each milestone's what and who (owners and signers are named by display name,
    which the network's names above already cover).
    """
    plan, road = document.meeting.safety_plan, document.meeting.trajectory_plan
    texts: list[tuple[str, str]] = []
    for rule in plan.rules:
        shown = masker.mask(rule.words)
        texts.append((f"A rule of the safety plan {_quoted(shown)}", shown))
        if rule.if_broken.strip():
            texts.append((f"What happens if {_quoted(shown)} is broken", masker.mask(rule.if_broken)))
    for sign in plan.signs:
        shown = masker.mask(sign.words)
        texts.append((f"A warning sign {_quoted(shown)}", shown))
        if sign.response.strip():
            texts.append((f"What to do on {_quoted(shown)}", masker.mask(sign.response)))
    for milestone in road.milestones:
        shown = masker.mask(milestone.what)
        texts.append((f"A milestone {_quoted(shown)}", shown))
        if milestone.who.strip():
            texts.append((f"Who does {_quoted(shown)}", masker.mask(milestone.who)))
    return texts


def unhidden_names(document: MeetingDocument | None) -> list[tuple[str, list[str]]]:
    """Each text the wall would show that still holds a network person's full name, with those names."""
    if document is None:
        return []
    masker = wall_masker(document)
    found: dict[str, list[str]] = {}
    for where, shown in wall_texts(document, masker):
        names = masker.full_names_in(shown)
        if names:
            found[where] = list(dict.fromkeys([*found.get(where, []), *names]))
    return list(found.items())


def ask_project_with_names(parent: QWidget, found: list[tuple[str, list[str]]]) -> bool:
    """Before projecting texts that would show full names: say which texts hold which names; True to project."""
    lines = "\n".join(f"• {where}: {', '.join(names)}" for where, names in found[:12])
    if len(found) > 12:
        lines += f"\n• and {len(found) - 12} more"
    question = "The projector would show full names it cannot hide."
    detail = (
        f"{lines}\n\nA display name that is somebody's full name is shown as it is, wherever the person is named. "
        "Give them initials or a pseudonym on the Network page (or reword the text), then press F5 again."
    )
    buttons = [
        ("&Project anyway", QMessageBox.ButtonRole.AcceptRole, True),
        ("Cancel", QMessageBox.ButtonRole.RejectRole, False),
    ]
    return ask_choice(parent, QMessageBox.Icon.Warning, "Full names on the wall", (question, detail), buttons, False)
