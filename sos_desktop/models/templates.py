"""Framework templates (Signs of Safety, Wellbeing, Success) read from ``resources/templates/*.json``.

Labels are data, not code: a council can adapt the wording without touching the program.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sos_desktop.models.enums import Category, Column, Framework


@dataclass(frozen=True)
class ScaleWording:
    question: str
    zero_means: str
    ten_means: str


@dataclass(frozen=True)
class FrameworkTemplate:
    key: Framework
    name: str
    labels: dict[Category, str]
    questions: dict[Category, str]
    column_titles: dict[Column, str]
    column_questions: dict[Column, str]
    scale: ScaleWording

    def label(self, category: Category) -> str:
        return self.labels[category]

    def one(self, category: Category) -> str:
        """The words for one card of a category, from its plural heading: "Danger statements" -> "danger statement"."""
        label = self.labels[category]
        text = label[:1].lower() + label[1:]
        return text[:-1] if text.endswith("s") else text


@cache
def template(framework: Framework | str) -> FrameworkTemplate:
    """The template of ``framework``, read once from the package's resources."""
    key = Framework(framework)
    text = resources.files("sos_desktop.resources.templates").joinpath(f"{key.value}.json").read_text("utf-8")
    data = json.loads(text)
    return FrameworkTemplate(
        key=key,
        name=data["name"],
        labels={Category(k): v for k, v in data["labels"].items()},
        questions={Category(k): v for k, v in data["questions"].items()},
        column_titles={Column(k): v["title"] for k, v in data["columns"].items()},
        column_questions={Column(k): v["question"] for k, v in data["columns"].items()},
        scale=ScaleWording(**data["scale"]),
    )
