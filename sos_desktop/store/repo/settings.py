"""Settings the whole team shares through the database (a default agenda, the observers' rubric), as JSON values."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from sos_desktop.store.tables import app_settings


def get_setting(conn: Connection, key: str) -> Any | None:
    text = conn.scalar(select(app_settings.c.value).where(app_settings.c.key == key))
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None  # a damaged value reads as "not set", so the built-in default applies


def set_setting(conn: Connection, key: str, value: Any | None) -> None:
    """Save ``value`` (anything JSON can hold) under ``key``; None removes the setting."""
    if value is None:
        conn.execute(delete(app_settings).where(app_settings.c.key == key))
        return
    text = json.dumps(value, ensure_ascii=False)
    if conn.execute(update(app_settings).where(app_settings.c.key == key).values(value=text)).rowcount == 0:
        conn.execute(insert(app_settings).values(key=key, value=text))
