"""Currencies: their names and the symbols and codes written before an amount.

Currencies: names as regular expressions (case-insensitive; the codes under 'exact_case'
must match as written) with their canonical name, and symbols or codes written before an
amount.
"""

CURRENCY_NAMES: tuple[tuple[str, str], ...] = (
    ("yuan|renminbi|RMB|CNY", "yuan"),
    (r"(?:US|U\.S\.|American)\s+dollars?|USD", "US dollars"),
    (r"Hong\s+Kong\s+dollars?|HKD", "Hong Kong dollars"),
    (r"Australian\s+dollars?|AUD", "Australian dollars"),
    (r"Canadian\s+dollars?|CAD", "Canadian dollars"),
    (r"Singapore\s+dollars?|SGD", "Singapore dollars"),
    (r"New\s+Taiwan\s+dollars?|NT\s+dollars?|TWD", "New Taiwan dollars"),
    ("dollars?", "US dollars"),
    ("euros?|EUR", "euros"),
    (r"(?:British\s+)?pounds\s+sterling|sterling|GBP", "pounds"),
    (
        r"(?:(?:Norwegian|Swedish|Danish|Icelandic|Czech|Estonian)\s+)?(?:crowns?|kron(?:or|er|a|e|ur))|NOK|SEK|DKK|ISK|CZK",
        "crowns",
    ),
    ("zloty|zlotys|PLN", "zloty"),
    (r"(?:Turkish\s+)?lira|TRY", "lira"),
    ("shekels?|ILS", "shekels"),
    ("naira|NGN", "naira"),
    ("yen|JPY", "yen"),
    ("rupees?|INR", "rupees"),
    ("won|KRW", "won"),
    ("r[ou]bles?|RUB", "rubles"),
    (r"(?:Swiss\s+)?francs?|CHF", "francs"),
    ("pesos?", "pesos"),
    (r"(?:German\s+|Deutsche\s+)?marks?|Deutschmarks?", "marks"),
    ("guilders?", "guilders"),
    ("florins?", "florins"),
    ("shillings?", "shillings"),
    ("guineas?", "guineas"),
    ("pesetas?", "pesetas"),
    ("reais|real", "reais"),
    ("rand", "rand"),
    ("dirhams?", "dirhams"),
    ("riyals?", "riyals"),
    ("baht", "baht"),
    ("ringgit", "ringgit"),
    # A currency's hundredth, said as such ("12 cents a share", "312 pence"): money, in a
    # unit of its own, since which currency's hundredth it is the text may not say.
    ("cents", "cents"),
    ("pence", "pence"),
)

CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "US dollars",
    "$": "US dollars",
    "HK$": "Hong Kong dollars",
    "A$": "Australian dollars",
    "AU$": "Australian dollars",
    "C$": "Canadian dollars",
    "CA$": "Canadian dollars",
    "S$": "Singapore dollars",
    "NT$": "New Taiwan dollars",
    "R$": "reais",
    "€": "euros",
    "£": "pounds",
    "¥": "yuan",
    "₹": "rupees",
    "₩": "won",
    "RMB": "yuan",
    "CNY": "yuan",
    "USD": "US dollars",
    "EUR": "euros",
    "GBP": "pounds",
    "JPY": "yen",
    "HKD": "Hong Kong dollars",
    "Rs": "rupees",
    "Rs.": "rupees",
    "INR": "rupees",
}

EXACT_CASE: frozenset[str] = frozenset("won real TRY ILS NOK SEK DKK ISK CZK PLN NGN".split())
