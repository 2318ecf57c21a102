"""Find numbers, amounts and dates in English text, with their spans; format them back.

- :mod:`.values`: written numbers ("2,400", "4.75 billion", "two", "a dozen");
- :mod:`.units`: units and currencies (vocabulary in :mod:`qa.lexicon`), the unit a question
  asks in, conversions;
- :mod:`.quantities`: amounts in text ("4.75 billion yuan", "$2.3 billion");
- :mod:`.dates`: dates in text, relative ones resolved against a reference date;
- :mod:`.formatting`: amounts as a reader writes them.

Everything here is general English; nothing is about a particular article.
"""

from .dates import MONTHS, YEAR, DateMention, find_dates, is_day_or_month, is_year
from .formatting import format_amount, format_number
from .quantities import Quantity, find_quantities
from .units import asked_unit, conversion_factor, unit_kind
from .values import parse_number

__all__ = [
    "MONTHS",
    "YEAR",
    "is_year",
    "DateMention",
    "Quantity",
    "asked_unit",
    "conversion_factor",
    "find_dates",
    "is_day_or_month",
    "find_quantities",
    "format_amount",
    "format_number",
    "parse_number",
    "unit_kind",
]
