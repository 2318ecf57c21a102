"""Numbers and amounts written as a reader writes them: "2,400", "4.75 billion yuan", "$2.3
billion", "6.5 percent"."""

from __future__ import annotations


def format_number(value: float, digits: int = 2) -> str:
    """A number as a reader writes it: 2400 → "2,400", 4.75e9 → "4.75 billion"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{_trim(value / scale, digits)} {word}"
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    if abs(value) >= 100:
        return f"{value:,.{max(digits - 1, 0)}f}".rstrip("0").rstrip(".")
    return _trim(value, digits)


def _trim(value: float, digits: int) -> str:
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_amount(value: float, unit: str | None, digits: int = 2) -> str:
    """ "4.75 billion yuan", "$2.3 billion", "6.5 percent", "640 students"."""
    number = format_number(value, digits)
    if unit == "US dollars":
        return f"${number}"
    if unit is None:
        return number
    return f"{number} {unit}"
