"""The last words of names that say what kind of thing a name names."""

# "Uren Biotech", "Kestrel Labs", "Fjord Freight Group": the small English pipeline often
# takes an unfamiliar organisation's name for a person's; a person's name does not end in
# one of these words.
ORGANISATION_HEADS: frozenset[str] = frozenset(
    (
        "academy administration agency airlines association authority bank biotech board "
        "bureau centre center club college commission committee company corp corporation "
        "council court department foundation fund group hospital inc institute labs "
        "laboratories league ltd ministry motors museum office organisation organization "
        "party pharmaceutical pharmaceuticals press school service society systems team "
        "technologies university"
    ).split()
)

# "Ouhai District", "Corrick Bay": places whose names end in a word for a kind of place.
PLACE_HEADS: frozenset[str] = frozenset(
    (
        "archipelago avenue bay channel coast continent county desert district gulf harbor "
        "harbour island islands lake mount mountain municipality ocean peninsula plateau "
        "prefecture province region river road sea strait street town valley village "
        "volcano"
    ).split()
)
