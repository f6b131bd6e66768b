"""Family options: each family declares its settings with the catalog's `Param` schema, so the settings form,
validation and project files read one table, exactly as they do for layers."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalog import Param, ParamError


class OptionError(ValueError):
    """A family option with a bad value; `option` names it (the project file's `options.<option>`)."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(f"option '{option}' {message}" if option else message)
        self.option = option
        self.message = message


@dataclass(frozen=True)
class FamilyOptions:
    """The settings of one family: schema'd values and free-text ones (file paths), each with its help."""

    params: tuple[Param, ...] = ()
    text: dict[str, str] = field(default_factory=dict)
    owner: str = ""  # how messages name the family, e.g. "a VAE"


_SCHEMAS: dict[str, FamilyOptions] = {}


def register_options(family: str, params: tuple[Param, ...], text: dict[str, str] | None = None,
                     owner: str = "") -> None:
    """Declare a family's options (called when the family is imported)."""
    _SCHEMAS[family] = FamilyOptions(tuple(params), dict(text or {}), owner or family)


def options_of(family: str) -> FamilyOptions:
    """The family's declared options; an empty declaration for a family without any."""
    return _SCHEMAS.get(family, FamilyOptions(owner=family))


def all_options() -> list[FamilyOptions]:
    """Every family's declared options (the window lists their help texts for translation)."""
    return list(_SCHEMAS.values())


def checked_options(family: str, options: dict[str, Any]) -> dict[str, Any]:
    """Every option of the family with defaults filled in, each checked against its schema.

    Raises OptionError naming the first bad or unknown option.
    """
    schema = options_of(family)
    known = [p.name for p in schema.params] + list(schema.text)
    for name in options:
        if name not in known:
            raise OptionError(str(name), f"is not used by {schema.owner} (known: {', '.join(sorted(known)) or 'none'})")
    out: dict[str, Any] = {}
    for p in schema.params:
        try:
            out[p.name] = p.check(family, options.get(p.name, p.default))
        except ParamError as exc:
            raise OptionError(p.name, exc.message) from None
    for name in schema.text:
        value = options.get(name, "")
        if not isinstance(value, str):
            raise OptionError(name, f"must be text (a file path), got {value!r}")
        out[name] = value
    return out
