"""Gentle guidance on the map: hints the UI shows beside a card, and whether the map is complete. Never a block.

The practice asks that a danger statement says who is worried and what the impact on the child could be, and is
paired with a safety goal; that a goal says for how long; that harm is about the past; that there are no more than
about three danger statements; and that a complete map has a network, a danger statement, a goal and a scale.

The checks read plain English with word lists. They are deliberately generous: a hint appears only when nothing in
the text answers the question, because a false alarm on a good card teaches people to ignore the hints. Labels
are the framework's (``danger_label="worry statement"``, ``goal_label="wellbeing goal"`` for Signs of Wellbeing),
given in the singular and in lower case, as they read mid-sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sos_desktop.models.enums import Category
from sos_desktop.models.mapping import MapItem
from sos_desktop.models.meeting import Meeting
from sos_desktop.models.network import Network

DANGER_LABEL = "danger statement"
GOAL_LABEL = "safety goal"
MAX_DANGER_STATEMENTS = 3

NO_WHO = "danger_no_who"
NO_IMPACT = "danger_no_impact"
DANGER_UNPAIRED = "danger_unpaired"
NO_TIME_SPAN = "goal_no_time_span"
GOAL_UNPAIRED = "goal_unpaired"
PAIR_UNSCALED = "pair_unscaled"
NO_RATINGS = "no_ratings"
HARM_IN_FUTURE = "harm_in_future"
TOO_MANY_DANGERS = "too_many_danger_statements"


@dataclass(frozen=True)
class Hint:
    """A suggestion about one card: ``code`` for programs, ``message`` for the facilitator."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


_APOSTROPHE = "['’]"

# Somebody holds the worry: "Sam is worried that", "Nan's concern is", "school are afraid".
_WHO_IS_WORRIED = re.compile(
    r"\b(?:worr(?:y|ies|ied|ying)|concern(?:s|ed)?|fear(?:s|ed|ful)?|afraid"
    r"|(?:scared|frightened|anxious)\s+(?:that|about))\b",
    re.IGNORECASE,
)

# What it would mean for the child: harm words (matched as word beginnings), feelings, development, and a modal
# with a verb of outcome ("could be", "will end up", "won't get").
_IMPACT_STEMS = (
    "impact|affect|hurt|harm|injur|bruis|burn|fractur|wound|frighten|scare|terrif|unsafe|neglect|suffer|upset"
    "|distress|trauma|withdrawn|isolat|lonel|anxi|depress|exploit|groom|feel|develop|schoolwork|educat|learn"
    "|health|unwell|poorly|sleep|hungry|starv|wellbeing|well-being|emotional|self-esteem|attachment"
)
_IMPACT_WORDS = (
    r"effect|effects|broken|afraid|safe|safety|not\s+safe|in\s+danger|at\s+risk|risk\s+of|cry|cries|crying|cried"
    r"|die|dies|dying|death|dead|killed|ill|grow(?:s|ing)?\s+up|felt|go(?:es)?\s+without|left\s+alone"
    r"|on\s+(?:his|her|their)\s+own|confidence|in\s+fear|into\s+care|live\s+at\s+home"
    # School as the child's, not as the one who is worried ("School are worried that...").
    r"|(?:at|in|to|from|for|miss\w*|attend\w*|her|his|their)\s+(?:school|nursery|college)|school\s+attendance"
)
_MODAL = (
    rf"(?:could|would|will|might|may|won{_APOSTROPHE}t|wouldn{_APOSTROPHE}t|couldn{_APOSTROPHE}t|can{_APOSTROPHE}t)"
    r"(?:\s+(?:not|never|also|then|still|soon))?"
    r"\s+(?:be|get|become|end\s+up|grow|lose|stop|think|believe|copy|struggle)"
)
_IMPACT = re.compile(rf"\b(?:{_IMPACT_STEMS})|\b(?:{_IMPACT_WORDS}|{_MODAL})\b", re.IGNORECASE)
# "miss" only in lower case, so that "Miss Khan" is not taken for "Lily will miss school", and only with what a
# child misses, so that "Mum misses appointments" is not taken for an impact.
_MISS = re.compile(
    r"\bmiss(?:es|ed|ing)?\s+(?:out|school|nursery|college|lessons|meals|food|education|her|his|their)\b"
)

_NUMBER = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four"
    r"|twenty|thirty|a\s+few|a\s+couple\s+of|several|many|some|a\s+number\s+of)"
)
_REAL_NUMBER = (
    r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four"
    r"|twenty|thirty)"
)
_UNIT = r"(?:day|week|fortnight|month|year|term|half-term|school\s+term|school\s+year|weekend|night)s?"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = (
    rf"\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}[.-]\d{1,2}[.-]\d{2,4}"
)
_TIME_SPAN = re.compile(
    r"\bfor\s+(?:at\s+least\s+|the\s+next\s+|the\s+coming\s+|the\s+following\s+|a\s+period\s+of\s+|a\s+further\s+"
    r"|another\s+|over\s+|more\s+than\s+|up\s+to\s+|around\s+|about\s+|roughly\s+|a\s+full\s+)*"
    rf"(?:{_NUMBER}\s+)?(?:more\s+|full\s+|whole\s+)?{_UNIT}\b"
    r"|\bfor\s+(?:as\s+long\s+as|the\s+rest\s+of|the\s+whole\s+of|the\s+duration|good)\b"
    r"|\b(?:until|till|untill)\b|['’]til\b"
    rf"|\bby\s+(?:the\s+end\s+of|the\s+time|the\s+(?:next\s+)?review|next\b|Christmas|Easter|summer|the\s+summer"
    rf"|half[-\s]term|{_MONTH}|\d)"
    r"|\bover\s+the\s+(?:next|coming|following)\b"
    rf"|\bover\s+(?:{_NUMBER}\s+)?{_UNIT}\b"
    r"|\b(?:each|every)\s+(?:single\s+)?(?:day|week|weekend|fortnight|month|night|morning|evening|school\s+day"
    r"|visit|time|contact)\b"
    rf"|\bwithin\s+(?:the\s+next\s+)?(?:{_NUMBER}\s+)?{_UNIT}\b"
    r"|\b(?:in|during)\s+the\s+(?:next|coming|following)\b"
    rf"|\bin\s+{_REAL_NUMBER}\s+{_UNIT}\b"
    rf"|\bfrom\s+(?:now|today|{_MONTH}|\d)"
    rf"|\b{_REAL_NUMBER}[\s-]+{_UNIT}\b"
    rf"|\b(?:{_DATE})\b",
    re.IGNORECASE,
)

# The future in a harm card. "may have", "could have", "might have" look back and are fine; "could" also narrates
# the past ("Lily could hear shouting"), so it counts only when not followed by perception, negation or "have".
_NOT_PAST = rf"(?!\s+(?:not\s+|never\s+|well\s+|also\s+)?have\b)(?!{_APOSTROPHE}ve\b)"
_NOT_NARRATED = r"(?!\s+(?:not|never|only|barely|hardly|still|just|hear|see|smell|feel|tell|sense|remember)\b)"
_FUTURE = re.compile(
    r"(?<!his\s)(?<!her\s)(?<!its\s)(?<!my\s)(?<!our\s)(?<!your\s)(?<!their\s)(?<!own\s)(?<!free\s)(?<!good\s)"
    r"(?<!ill\s)\bwill\b(?!\s+power\b)"
    rf"|\bwon{_APOSTROPHE}t\b|\b\w+{_APOSTROPHE}ll\b"
    rf"|\bmay\b{_NOT_PAST}"
    rf"|\b(?i:might){_NOT_PAST}\b"
    rf"|\b(?i:could){_NOT_PAST}{_NOT_NARRATED}\b"
    rf"|\b(?i:is|are|am|{_APOSTROPHE}s|{_APOSTROPHE}re)\s+going\s+to\s+"
    r"(?!(?:school|nursery|college|work|bed|church|the|a|an|his|her|their|my|our|stay|live)\b)"
    rf"|\b(?i:is|are|{_APOSTROPHE}s|{_APOSTROPHE}re)\s+(?:very\s+|quite\s+|more\s+)?likely\s+to\b"
    r"|\b(?i:in\s+(?:the\s+)?future)\b",
)


def _has_impact(text: str) -> bool:
    return bool(_IMPACT.search(text) or _MISS.search(text))


def _partner(item: MapItem, items: list[MapItem], category: Category) -> MapItem | None:
    if item.pairs_with is None:
        return None
    return next((other for other in items if other.id == item.pairs_with and other.category == category), None)


def hints_for(
    item: MapItem, items: list[MapItem], *, danger_label: str = DANGER_LABEL, goal_label: str = GOAL_LABEL
) -> list[Hint]:
    """The hints for one card of ``items`` (the meeting's map), in the order the facilitator would act on them.

    A pairing counts only when the partner is on the map and of the other kind (a danger statement's partner is a
    goal, and back). A card with no text yet gets no hints about its wording.
    """
    text = item.text.strip()
    hints: list[Hint] = []
    if item.category == Category.DANGER:
        if text and not _WHO_IS_WORRIED.search(text):
            hints.append(Hint(NO_WHO, "Say who is worried."))
        if text and not _has_impact(text):
            hints.append(Hint(NO_IMPACT, "Say what the impact on the child could be."))
        if _partner(item, items, Category.GOAL) is None:
            hints.append(Hint(DANGER_UNPAIRED, f"Pair this {danger_label} with {_a(goal_label)}."))
    elif item.category == Category.GOAL:
        if text and not _TIME_SPAN.search(text):
            hints.append(Hint(NO_TIME_SPAN, "Give a time span, such as 'for six months'."))
        if _partner(item, items, Category.DANGER) is None:
            hints.append(Hint(GOAL_UNPAIRED, f"Pair this {goal_label} with {_a(danger_label)}."))
    elif item.category == Category.HARM and _FUTURE.search(text):
        hints.append(Hint(HARM_IN_FUTURE, f"Harm is about the past; a worry about the future is {_a(danger_label)}."))
    return hints


def danger_count_hint(items: list[MapItem], *, danger_label: str = DANGER_LABEL) -> Hint | None:
    """A hint when the map has more than about three danger statements (cards with text), else None."""
    count = sum(1 for item in items if item.category == Category.DANGER and item.text.strip())
    if count <= MAX_DANGER_STATEMENTS:
        return None
    return Hint(TOO_MANY_DANGERS, f"Aim for no more than about three {danger_label}s.")


@dataclass(frozen=True)
class Completeness:
    """What a complete map has: a network, a danger statement, a goal and a scale with ratings."""

    network: bool
    danger: bool
    goal: bool
    scale: bool
    danger_label: str = DANGER_LABEL
    goal_label: str = GOAL_LABEL

    @property
    def complete(self) -> bool:
        return self.network and self.danger and self.goal and self.scale

    def missing(self) -> list[str]:
        """What is still to come, in map order, as phrases such as "a network" or "a safety goal"."""
        wanted = [
            (self.network, "a network"),
            (self.danger, _a(self.danger_label)),
            (self.goal, _a(self.goal_label)),
            (self.scale, "a scale with ratings"),
        ]
        return [phrase for present, phrase in wanted if not present]


def completeness(
    meeting: Meeting, network: Network, *, danger_label: str = DANGER_LABEL, goal_label: str = GOAL_LABEL
) -> Completeness:
    """How complete the meeting's map is.

    The network counts as drawn with at least two named people (a child and someone else); roles are not required,
    as many teams leave them unset. A danger statement or goal counts when it has text; a scale when at least one
    person has rated on it.
    """

    def has(category: Category) -> bool:
        return any(item.category == category and item.text.strip() for item in meeting.items)

    return Completeness(
        network=sum(1 for person in network.people if person.name.strip()) >= 2,
        danger=has(Category.DANGER),
        goal=has(Category.GOAL),
        scale=any(scale.ratings for scale in meeting.scales),
        danger_label=danger_label,
        goal_label=goal_label,
    )


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "a safety goal", "an early help goal"."""
    return f"an {noun}" if noun[:1].lower() in ("a", "e", "i", "o", "u") else f"a {noun}"


def scaling_nudges(meeting: Meeting, *, danger_label: str = DANGER_LABEL, goal_label: str = GOAL_LABEL) -> list[Hint]:
    """What practice says is most often dropped: a scale for each danger/goal pair, and a number from everyone.

    One hint per danger statement paired with a goal but with no scale about it, and one if no scale of the
    meeting has a single rating yet.
    """
    hints: list[Hint] = []
    scaled = {scale.about for scale in meeting.scales if scale.about is not None}
    for item in meeting.items:
        if item.category != Category.DANGER or item.id is None or item.id in scaled:
            continue
        if _partner(item, meeting.items, Category.GOAL) is not None:
            text = " ".join(item.text.split())
            short = text if len(text) <= 60 else text[:59] + "…"
            hints.append(Hint(PAIR_UNSCALED, f"The {danger_label} and {goal_label} pair “{short}” has no scale yet."))
    if not any(scale.ratings for scale in meeting.scales):
        hints.append(Hint(NO_RATINGS, "Nobody has rated yet: ask for everyone's number, the presenter first."))
    return hints
