"""The child's other tools in the store: each meeting's Safety Houses (part "safety_houses") and the tool each child's
voice is given through (part "child_tools"), kept whole as JSON in ``meeting_parts`` with people by database ids.

Reading keeps only people still in the case's network (a child removed takes their house, a person removed their
placement, as the child's-voice entries forget them); saving a meeting whole maps the people it names through the
caller's ``person_ids`` and drops anybody outside them.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.engine import Connection

from sos_desktop.models.child_tools import ChildTool, child_tools_data, child_tools_from
from sos_desktop.models.safety_house import SafetyHouse
from sos_desktop.models.safety_house_data import safety_houses_data, safety_houses_from
from sos_desktop.store.repo.common import touch_meeting
from sos_desktop.store.repo.parts import get_part, write_part
from sos_desktop.store.tables import meetings, people

HOUSES = "safety_houses"
TOOLS = "child_tools"


def _present(conn: Connection, meeting_id: int) -> set[int]:
    case_id = conn.scalar(select(meetings.c.case_id).where(meetings.c.id == meeting_id))
    return set(conn.scalars(select(people.c.id).where(people.c.case_id == case_id)))


def get_child_tools(conn: Connection, meeting_id: int) -> tuple[list[SafetyHouse], dict[int, ChildTool]]:
    """The meeting's Safety Houses and its children's tools, naming only people still in the network."""
    present = _present(conn, meeting_id)

    def person_of(ref: object) -> int | None:
        return ref if isinstance(ref, int) and ref in present else None

    houses = safety_houses_from(get_part(conn, meeting_id, HOUSES).get("houses") or [], person_of)
    tools = child_tools_from(get_part(conn, meeting_id, TOOLS).get("children") or [], person_of)
    return houses, tools


def write_child_tools(
    conn: Connection,
    meeting_id: int,
    houses: list[SafetyHouse],
    tools: Mapping[int, ChildTool],
    person_ids: Mapping[int, int],
) -> None:
    """Save a meeting's houses and tools whole (without raising its version); ``person_ids`` maps the people they
    name to database ids (anybody else is left out).
    """
    written = safety_houses_data(houses, person_ids.get)
    write_part(conn, meeting_id, HOUSES, {"houses": written} if written else {})
    chosen = child_tools_data(tools, person_ids.get)
    write_part(conn, meeting_id, TOOLS, {"children": chosen} if chosen else {})


def set_safety_houses(conn: Connection, meeting_id: int, houses: list[SafetyHouse]) -> None:
    """Save the meeting's Safety Houses whole, as one change of the meeting (people by database ids)."""
    touch_meeting(conn, meeting_id)
    present = _present(conn, meeting_id)
    written = safety_houses_data(houses, lambda person_id: person_id if person_id in present else None)
    write_part(conn, meeting_id, HOUSES, {"houses": written} if written else {})


def set_child_tools(conn: Connection, meeting_id: int, tools: Mapping[int, ChildTool]) -> None:
    """Save which tool each child's voice is given through, as one change of the meeting."""
    touch_meeting(conn, meeting_id)
    present = _present(conn, meeting_id)
    chosen = child_tools_data(tools, lambda person_id: person_id if person_id in present else None)
    write_part(conn, meeting_id, TOOLS, {"children": chosen} if chosen else {})
