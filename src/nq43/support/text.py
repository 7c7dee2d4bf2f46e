"""The one shape of user-facing text: a sentence in Vietnamese and in English, with named blanks to fill."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Lang = Literal["vi", "en"]


@dataclass(frozen=True, slots=True)
class Text:
    """One message in both languages; `{name}` blanks are filled by `get` (a blank filled with a Text is said in
    the same language), `{{` and `}}` stand for braces."""

    vi: str
    en: str

    def get(self, lang: Lang, /, **args: object) -> str:
        return self.format(lang, args)

    def format(self, lang: Lang, args: Mapping[str, object]) -> str:
        said = {name: value.get(lang) if isinstance(value, Text) else value for name, value in args.items()}
        return (self.vi if lang == "vi" else self.en).format_map(_Args(said))


class _Args(dict[str, object]):
    """Formatting arguments that show a missing name as itself instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
