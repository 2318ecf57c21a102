"""The numeric rule layer: numeric questions answered from facts, with the working shown.

It reads what a question asks for (a count, an amount, an area, a length, a weight, a
speed, an age, a percentage, a date, a span of time, a total, a difference, a comparison, a
ratio, a share, the rest of a whole, an amount in another unit) and matches it to
:class:`qa.facts.Fact` by measure, owner and time, with the synonyms a person would use
("stops" for stations, "staff" for employees, "spent" for cost). Beyond words it reads
what a question constrains: a rate ("a day"), a stated part of a span ("on its first day",
"in total"), an earlier value ("before the rebuild"), who a count of people is ("work"
counts staff, "watched" an audience), the event of a date ("reopened" is not "first
opened"), and names the articles never use. A direct answer states the fact's value with
its unit first and cites its sentence; a derived answer states its result first and shows
the working in ``derivation``, every input cited. Numbers in an answer come from cited
sentences or are computed from them, never from anywhere else.

``answer`` returns None when the question is not a numeric one this layer handles (the
engine then uses retrieval), and an abstention when it clearly asks for a number the facts
cannot give (a year without a figure, a thing the articles never count, a figure given for
another period, rate or thing). A wrong number is worse than an abstention.

Modules, in the order a question meets them: :mod:`~qa.numeric.reading` (the question,
:mod:`~qa.numeric.question`, :mod:`~qa.numeric.syntax` and :mod:`~qa.numeric.timing` on
its parse), :mod:`~qa.numeric.index` (the facts, once; with :mod:`~qa.numeric.context`
and :mod:`~qa.numeric.subjects`),
:mod:`~qa.numeric.lookup` and :mod:`~qa.numeric.scoring` (matching),
:mod:`~qa.numeric.intents` (the handlers' table),
then the handlers: :mod:`~qa.numeric.direct`, :mod:`~qa.numeric.arithmetic`,
:mod:`~qa.numeric.parts`, :mod:`~qa.numeric.conversion`, :mod:`~qa.numeric.timespans`;
:mod:`~qa.numeric.phrasing` and :mod:`~qa.numeric.echo` write the answers;
:mod:`~qa.numeric.features` says what was measured, for the fitted confidence.
"""

from .answerer import NumericAnswerer
from .echo import echo

__all__ = ["NumericAnswerer", "echo"]
