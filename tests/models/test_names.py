"""Names on the projector: network people appear by their display names, nobody else's words are touched."""

from __future__ import annotations

import unicodedata

import pytest

from sos_desktop.models import NetworkPerson
from sos_desktop.models.names import AMBIGUOUS_NAME, NameMasker, mask_text


def person(name: str, display_name: str = "") -> NetworkPerson:
    return NetworkPerson(name=name, display_name=display_name)


FAMILY = [
    person("Lily Example", "L"),
    person("Jordan Example", "Mum"),
    person("Chris Sample", "Dad"),
    person("Pat Jones", "Nan"),
    person("Mia Spencer"),  # display name defaults to her initials, "MS"
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lily was crying.", "L was crying."),
        ("Chris Sample pushed Jordan Example.", "Dad pushed Mum."),
        ("Chris pushed Jordan; Sample says it was an accident.", "Dad pushed Mum; Dad says it was an accident."),
        ("mia spencer and MIA SPENCER", "MS and MS"),
        ("Mia Spencer goes to nursery.", "MS goes to nursery."),
        ("Pat Jones, Pat and Jones", "Nan, Nan and Nan"),
        ("", ""),
        ("Nobody from the network is named here.", "Nobody from the network is named here."),
    ],
)
def test_full_first_and_last_names_become_display_names(text: str, expected: str) -> None:
    assert mask_text(text, FAMILY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mia's bike", "MS's bike"),
        ("Mia’s bike", "MS’s bike"),
        ("Mia Spencer's nursery", "MS's nursery"),
        ("Chris' car", "Dad' car"),
        ("Nan said 'Mia is lovely'.", "Nan said 'MS is lovely'."),
        ('(Mia), [Mia] and "Mia"!', '(MS), [MS] and "MS"!'),
        ("Mia\nSpencer", "MS"),
        ("Mia\u00a0Spencer", "MS"),
    ],
)
def test_possessives_quotes_and_spacing(text: str, expected: str) -> None:
    assert mask_text(text, FAMILY) == expected


@pytest.mark.parametrize(
    "text",
    # (Not "Samples": it is the plural of the family's surname Sample, which is masked on purpose.)
    ["Miami", "Mias", "Lilywhite", "Chrissie", "Pattern", "Mia2", "Mia_b", "Mia-Rose", "Anne-Mia"],
)
def test_whole_words_only(text: str) -> None:
    assert mask_text(text, FAMILY) == text


def test_the_name_will_does_not_replace_the_verb_and_rose_not_the_flower() -> None:
    people = [person("Will Turner", "WT"), person("Rose Hart", "RH"), person("Mark Bell", "MB")]
    text = "Will says he will call. Rose rose early and picked a rose. Mark will mark the bell. Bell rang."
    assert (
        mask_text(text, people)
        == "WT says he will call. RH rose early and picked a rose. MB will mark the bell. MB rang."
    )


def test_a_full_name_matches_in_any_case_but_a_lone_name_only_capitalised() -> None:
    people = [person("Will Turner", "WT")]
    assert mask_text("will turner, WILL TURNER and Will Turner", people) == "WT, WT and WT"
    assert mask_text("turner will come", people) == "turner will come"


def test_names_typed_in_lower_or_upper_case_still_match_when_capitalised_in_text() -> None:
    people = [person("mia spencer", "MS"), person("JORDAN EXAMPLE", "Mum")]
    assert mask_text("Mia and Jordan; Spencer and Example.", people) == "MS and Mum; MS and Mum."
    assert mask_text("JORDAN shouted.", people) == "Mum shouted."


@pytest.mark.parametrize(
    ("name", "display", "text", "expected"),
    [
        ("Zoë Brown", "ZB", "Zoë's dog. Zoë Brown. zoë brown.", "ZB's dog. ZB. ZB."),
        ("Łukasz Nowak", "ŁN", "Łukasz and Nowak's flat; ŁUKASZ NOWAK", "ŁN and ŁN's flat; ŁN"),
        ("Nguyễn Văn An", "NVA", "Nguyễn Văn An, Nguyễn An, Văn An, Nguyễn, An.", "NVA, NVA, NVA, NVA, NVA."),
        ("Ελένη Παπαδοπούλου", "ΕΠ", "Η Ελένη είπε· ελένη παπαδοπούλου.", "Η ΕΠ είπε· ΕΠ."),
        ("Дмитрий Иванов", "ДИ", "Дмитрий Иванов и Иванов; Дмитрия нет.", "ДИ и ДИ; Дмитрия нет."),
        (
            "Mary-Jane Smith",
            "MJS",
            "Mary-Jane and Mary‑Jane (non-breaking hyphen)",
            "MJS and MJS (non-breaking hyphen)",
        ),
        ("Siobhán O'Neill", "SO", "O’Neill's house; Siobhán O'Neill; Neill", "SO's house; SO; Neill"),
    ],
)
def test_names_in_many_scripts_and_spellings(name: str, display: str, text: str, expected: str) -> None:
    assert mask_text(text, [person(name, display)]) == expected


def test_a_name_does_not_match_inside_a_hyphenated_or_apostrophised_name() -> None:
    people = [person("Jane Doe", "JD"), person("Neill Hart", "NH"), person("Mary Brown", "MB")]
    assert mask_text("Mary-Jane O'Neill met Jane.", people) == "Mary-Jane O'Neill met JD."


def test_decomposed_accents_match_and_are_not_mistaken_for_a_shorter_name() -> None:
    decomposed = unicodedata.normalize("NFD", "Zoë")
    assert decomposed != "Zoë"
    assert mask_text(f"{decomposed} laughed.", [person("Zoë Brown", "ZB")]) == "ZB laughed."
    # Accents do not count either way ("Zoë" is how a Zoe Hart might be written too), and the combining mark goes
    # with the name: none is left behind on the display name.
    assert mask_text(f"{decomposed} laughed.", [person("Zoe Hart", "ZH")]) == "ZH laughed."


def test_the_longest_name_wins() -> None:
    people = [person("Mia Spencer", "MS"), person("Mia", "M2"), person("Spencer", "S2")]
    # The full name is one person; the lone names are shared, so they become the neutral mask.
    assert mask_text("Mia Spencer", people) == "MS"
    assert mask_text("Mia and Spencer", people) == f"{AMBIGUOUS_NAME} and {AMBIGUOUS_NAME}"


def test_a_middle_name_may_be_left_out_or_kept() -> None:
    people = [person("Mary Ann Smith", "MAS")]
    text = "Mary Ann Smith, Mary Smith, Mary Ann, Ann Smith, Mary, Smith"
    assert mask_text(text, people) == "MAS, MAS, MAS, MAS, MAS, MAS"


def test_a_shared_surname_becomes_the_neutral_mask_and_leaks_neither_person() -> None:
    masked = mask_text("The Example family: Lily Example lives with Jordan. Example said no.", FAMILY)
    assert masked == "The [name] family: L lives with Mum. [name] said no."
    assert "Example" not in masked


def test_a_shared_first_name_becomes_the_neutral_mask() -> None:
    people = [person("Sam Spencer", "S"), person("Sam Green", "Grandad")]
    masked = mask_text("Sam hit Sam Green's dog; Sam Spencer saw it.", people)
    assert masked == "[name] hit Grandad's dog; S saw it."
    assert "Sam" not in masked


def test_a_name_shared_by_people_with_the_same_display_name_is_not_ambiguous() -> None:
    people = [person("Sam Spencer", "Sam S"), person("Sam Spencer", "Sam S")]
    assert mask_text("Sam came.", people) == "Sam S came."


def test_a_single_word_name_counts_as_first_and_last() -> None:
    people = [person("Bella", "B"), person("Ana Bella", "AB")]
    # "Bella" alone is the first name of one and the last name of the other: ambiguous.
    assert mask_text("Bella and Ana", people) == "[name] and AB"
    assert mask_text("Bella came.", [person("Bella", "B")]) == "B came."


def test_empty_names_and_initials_alone_are_ignored() -> None:
    people = [person("", "X"), person("   ", "Y"), person("J. Smith", "JS")]
    # "J." is an initial: masking every lone "J." would garble the text; "Smith" and the full name still mask.
    assert mask_text("A J. said hello. J. Smith and Smith came. X and Y.", people) == (
        "A J. said hello. JS and JS came. X and Y."
    )


def test_a_blank_display_name_falls_back_to_initials() -> None:
    lily = person("Lily Example", "L")
    lily.display_name = "  "
    assert mask_text("Lily", [lily]) == "LE"


def test_kept_attendee_names_stay_but_network_names_still_mask() -> None:
    people = [person("Sam Spencer", "S"), person("Ravi Patel", "RP")]
    masker = NameMasker(people, keep=["Sam Patel", "Alex Morgan"])
    text = "Sam Patel and Alex Morgan met Sam Spencer and Ravi Patel. Sam said Patel and Spencer agreed; Ravi left."
    # The kept name stays whole, in any case; a part alone that a network person shares is masked, since it may
    # well be the family member who is meant: privacy wins over a professional's first name or surname.
    assert masker.mask(text) == "Sam Patel and Alex Morgan met S and RP. S said RP and S agreed; RP left."
    assert masker.mask("SAM PATEL") == "SAM PATEL"


def test_an_attendee_who_is_a_network_person_goes_by_their_display_name() -> None:
    # A network professional (or a family member) who attends is not kept: the room sees them as the network does.
    people = [person("Sam Patel", "SW"), person("Lily Example", "L")]
    assert mask_text("Sam Patel visited Lily; Sam saw her.", people, keep=["Sam Patel"]) == (
        "SW visited L; SW saw her."
    )
    assert mask_text("Sam Patel visited Lily; Sam saw her.", people) == "SW visited L; SW saw her."


def test_no_cascade_a_display_name_is_never_masked_again() -> None:
    people = [person("Mia Spencer", "MS"), person("Ms Jones", "MJ"), person("Pat Example", "Lily"), person("Lily Hart")]
    # "Pat" becomes "Lily", which is also a name in the network: it must stay "Lily", not become "LH".
    assert mask_text("Mia Spencer and Pat", people) == "MS and Lily"


def test_a_display_name_equal_to_the_name_leaves_the_text_as_it_was() -> None:
    people = [person("Nan", "Nan"), person("Jo Reid", "Jo Reid")]
    assert mask_text("Nan and Jo Reid and Jo and Reid", people) == "Nan and Jo Reid and Jo Reid and Jo Reid"


def test_masking_never_changes_the_stored_text() -> None:
    item_text = "Lily Example's worries"
    masker = NameMasker(FAMILY)
    assert masker.mask(item_text) == "L's worries"
    assert item_text == "Lily Example's worries"
    assert masker.mask(item_text) == masker.mask(item_text)


def test_no_people_leaves_every_text_alone() -> None:
    assert NameMasker([]).mask("Lily Example") == "Lily Example"


def test_a_long_text_and_a_large_network_are_masked_completely() -> None:
    first_names = [f"Firstname{chr(ord('a') + i % 26)}{'x' * (i // 26)}" for i in range(60)]
    people = [
        person(f"{first} Surname{chr(ord('a') + i % 26)}{'y' * (i // 26)}", f"P{i}")
        for i, first in enumerate(first_names)
    ]
    sentences = [
        f"{p.name} met {first_names[(i + 1) % 60]}; the will of {p.name.split()[1]}'s family."
        for i, p in enumerate(people)
    ]
    text = " ".join(sentences)
    text = (text * (20_000 // len(text) + 1))[:20_000]
    masked = NameMasker(people).mask(text)
    assert not any(part in masked for p in people for part in p.name.split())
    assert "P0 met P1; the will of P0's family." in masked
    assert "P59 met P0;" in masked


def test_a_first_name_shouted_in_capitals_is_masked_but_a_lower_case_word_is_not() -> None:
    people = [NetworkPerson(name="Lily Example", display_name="L"), NetworkPerson(name="Will Jones", display_name="WJ")]
    masker = NameMasker(people)
    assert masker.mask("Dad shouted at LILY and said he WILL leave") == "Dad shouted at L and said he WJ leave"
    assert masker.mask("a lily in the garden; they will see") == "a lily in the garden; they will see"


def test_the_family_s_name_is_masked_however_it_is_typed() -> None:
    people = [
        person("Mia Spencer", "M"),
        person("Zoë Núñez", "Z"),
        person("Anne-Marie Smith-Jones", "AM"),
        person("Eve McKenzie", "E"),
    ]
    masker = NameMasker(people, keep=["Karen Spencer"])
    assert masker.mask("Mrs Spencer hit Mia; Karen Spencer saw it") == "Mrs M hit M; Karen Spencer saw it"
    assert masker.mask("the Spencers' house") == "the M' house"
    assert masker.mask("Zoe Nunez and Zoe") == "Z and Z"
    assert masker.mask("Anne Marie Smith Jones, or just Jones") == "AM, or just AM"
    assert masker.mask("MCKENZIE and McKenzie") == "E and E"


FORMS_FAMILY = [
    NetworkPerson(name="Zoë Núñez", display_name="Z", also_known_as=["Zosia"]),
    NetworkPerson(name="Siobhán Kelly", display_name="SK"),
    NetworkPerson(name="Darren Holt", display_name="Dad", also_known_as=["Daz", "Big D"]),
    NetworkPerson(name="Lily Example", display_name="L"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zoë's bike", "Z's bike"),  # lower case: not an everyday word, so a name
        ("ZOË NÚÑEZ and ZOE", "Z and Z"),
        ("Siobhan and siobhan kelly", "SK and SK"),  # no accents
        ("Zoë's, Zoës' and Zoë’s", "Z's, Z's and Z’s"),  # possessives keep their "'s"
        ("Zosia and zosia's mum; Daz, daz and BIG D", "Z and Z's mum; Dad, Dad and Dad"),  # also known as
        ("Li\u200bly and Li\u00adly", "L and L"),  # zero-width space, soft hyphen
        ("Zo\u200dë Nu\u2060ñez", "Z"),  # zero-width joiner, word joiner
        ("\u202eLily Example\u202c left", "L left"),  # bidi-wrapped: the controls go with the name
        ("\ufeffDarren\u200e Holt", "Dad"),
        ("Ｌｉｌｙ", "L"),  # full-width letters
    ],
)
def test_every_form_a_reader_sees_as_the_name_is_hidden(text: str, expected: str) -> None:
    assert mask_text(text, FORMS_FAMILY) == expected


def test_stored_names_with_invisible_characters_still_match_what_is_typed() -> None:
    people = [person("Zara\u200b Holt", "ZH"), person("\u202eNoor Haddad\u202c", "NH")]
    assert mask_text("Zara Holt met Noor Haddad; Zara and Noor; zara holt; NOOR", people) == (
        "ZH met NH; ZH and NH; ZH; NH"
    )


def test_initials_leave_out_invisible_characters() -> None:
    assert NetworkPerson(name="\u202eNoor Haddad\u202c").display_name == "NH"


def test_display_for_gives_a_network_person_s_display_name_in_any_form() -> None:
    masker = NameMasker(FORMS_FAMILY, keep=["Alex Morgan"])
    for name in ("Darren Holt", "darren holt", "Darren", "Daz", "Dar\u200bren  Holt", "DARREN HOLT"):
        assert masker.display_for(name) == "Dad", name
        assert masker.name(name) == "Dad", name
    assert masker.display_for("Alex Morgan") is None
    assert masker.name("Alex Morgan") == "Alex Morgan"
    assert masker.name("Lily Example's teacher") == "L's teacher"


def test_full_names_in_finds_what_masking_left() -> None:
    # A display name that is the full name itself cannot hide it.
    people = [person("Lily Example", "Lily Example"), person("Jordan Example", "Mum")]
    masker = NameMasker(people)
    shown = masker.mask("About lily example and jordan example")
    assert shown == "About Lily Example and Mum"
    assert masker.full_names_in(shown) == ["Lily Example"]
    assert masker.full_names_in("Mum and L") == []
