#!/usr/bin/env python3
"""Writes the gazetteer's countries and first-level subdivisions from Debian packages and npm data.

Run once by hand when the sources change; the output files are committed, and nothing reads the
sources at build, run or test time:

    scripts/generate-countries.py --world-atlas DIR --cldr DIR [--data data]

Sources (versions as recorded in the header of every file written):
- Debian `iso-codes` (/usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json) and its gettext
  catalogues /usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo, iso_3166-2.mo: codes and names.
  A catalogue entry equal to the English name, or a Russian/Ukrainian one in Latin letters, is
  an untranslated fallback and is left out.
- npm `cldr-localenames-full` (Unicode CLDR, Unicode licence): the short country names of each
  language (main/<lang>/territories.json), which are the forms news uses ("سوريا", "Сирия").
- npm `world-atlas` (Natural Earth 1:50m, public domain): the country point is the area
  centroid of the country's largest polygon, marked approximate.
- Debian `libgeonames0` (GeoNames cities data compiled into the library, CC BY 4.0), read through
  its C API: a country's time zone when all its cities share one; a subdivision's point and
  zone are those of its most populous city in GeoNames whose first-level division has the same
  name, marked approximate; a subdivision without such a city has no point.

Countries and subdivisions already kept by hand in places.tsv (HAND_COUNTRIES, HAND_SUBDIVISIONS)
are left out: their rows and names there are richer (inflected forms, spellings of the press).
"""

import argparse
import ctypes
import gettext
import json
import math
import re
import subprocess
import unicodedata
from collections import defaultdict
from pathlib import Path

ISO_DIR = Path("/usr/share/iso-codes/json")
LOCALE_DIR = "/usr/share/locale"
LANGUAGES = ["en", "ar", "ru", "uk", "ur", "hy", "az"]
SUBDIVISION_LANGUAGES = ["en", "ru", "uk", "az"]  # the catalogues of iso_3166-2 that exist
SUBDIVISION_COUNTRIES = ["AM", "AZ", "IN", "PK", "UA", "RU", "SY", "TR"]

# ISO code -> id of the row kept by hand in places.tsv.
HAND_COUNTRIES = {"AM": "armenia", "AZ": "azerbaijan", "RU": "russia", "TR": "turkey",
                  "IR": "iran", "GE": "georgia", "FR": "france", "US": "usa"}
HAND_SUBDIVISIONS = {
    "AM-TV": "tavush", "AM-GR": "gegharkunik", "AM-VD": "vayots-dzor", "AM-SU": "syunik",
    "AM-AR": "ararat-province", "AM-ER": "yerevan",
    "AZ-QAZ": "gazakh-district", "AZ-TOV": "tovuz-district", "AZ-GAD": "gadabay-district",
    "AZ-KAL": "kalbajar-district", "AZ-LAC": "lachin-district", "AZ-QBI": "gubadli-district",
    "AZ-ZAN": "zangilan-district", "AZ-CAB": "jabrayil-district", "AZ-FUZ": "fuzuli-district",
    "AZ-AGM": "aghdam-district", "AZ-XVD": "khojavend-district", "AZ-XCI": "khojaly-district",
    "AZ-SUS": "shusha-district", "AZ-TAR": "tartar-district", "AZ-NX": "nakhchivan",
    "AZ-BA": "baku", "AZ-GA": "ganja", "AZ-XA": "stepanakert", "AZ-BAR": "barda",
}
# Readable ids where the slug of the English name would be unclear or collide.
COUNTRY_IDS = {"KR": "south-korea", "KP": "north-korea", "CD": "dr-congo", "CG": "congo",
               "GB": "united-kingdom", "PS": "palestine", "TW": "taiwan", "VA": "vatican",
               "FM": "micronesia", "MF": "saint-martin", "SX": "sint-maarten",
               "VG": "british-virgin-islands", "VI": "us-virgin-islands", "CI": "cote-divoire"}
# ISO codes whose GeoNames division name differs from the ISO one beyond the words dropped.
GEONAMES_DIVISIONS = {
    "SY-DI": "Damascus", "SY-DR": "Daraa", "SY-DY": "Deir ez-Zor", "SY-HI": "Homs",
    "SY-HL": "Aleppo", "SY-HM": "Hama", "SY-LA": "Latakia", "SY-QU": "Quneitra",
    "PK-JK": "Azad Kashmir", "IN-DL": "National Capital Territory of Delhi",
    "UA-43": "Autonomous Republic of Crimea", "UA-21": "Transcarpathia", "UA-59": "Sumy",
    "UA-05": "Vinnytsya", "UA-23": "Zaporizhzhya", "UA-48": "Mykolayiv", "UA-53": "Poltava",
    "UA-56": "Rivne", "UA-77": "Chernivtsi", "UA-68": "Khmelnytskyy", "UA-74": "Chernihiv", "UA-71": "Cherkasy"}
# Cities the GeoNames data of libgeonames0 puts in a wrong division (Gorakhpur is in Uttar
# Pradesh, not Haryana).
MISPLACED_CITIES = {("IN", "Gorakhpur")}
# Names that are also ordinary words of their language: kept as written names, not matched.
NOT_MATCHED = {"en": {"Chad", "Jersey", "Guernsey", "Van", "Mus", "Batman"},
               "ru": {"Того", "Мали", "Чад", "Перу"},
               "ar": {"مالي", "عمان", "جيرسي"}}
# ISO's inverted names ("Korea, Republic of", "Congo, The Democratic Republic of the").
INVERTED = re.compile(r", (the |The )?[A-Z][\w ]* of( the)?$|, (Republic|State|Province|Islamic|Federated|"
                      r"Democratic|Plurinational|Bolivarian|United|Kingdom)\b")
# Catalogue entries known to be wrong (the Ukrainian catalogue names RU-SA "Республіка Алтай").
WRONG = {("uk", "RU-SA")}


def slug(text):
    text = text.replace("ə", "e").replace("Ə", "E").replace("ı", "i")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def ascii_fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def catalogue(domain, language):
    try:
        return gettext.translation(domain, localedir=LOCALE_DIR, languages=[language])
    except FileNotFoundError:
        return None


def translated(cat, language, english):
    if cat is None or not english:
        return None
    text = cat.gettext(english)
    if text == english and language != "en":
        return None
    if language in ("ru", "uk") and re.search(r"[A-Za-z]", text):
        return None
    return text


def russian_forms(name):
    """Case forms of a one-word Russian name, or of '<adjective> область/край/округ'."""
    words = name.split(" ")
    if len(words) == 1:
        w = name
        if w.endswith("ия"):
            return [w[:-1] + "и", w[:-1] + "ю", w[:-1] + "ей"]
        if w.endswith("а") and len(w) > 3:
            genitive = w[:-1] + ("и" if w[-2] in "гкхжчшщ" else "ы")
            return [genitive, w[:-1] + "е", w[:-1] + "у", w[:-1] + "ой"]
        if re.search(r"[бвгджзклмнпрстфхцчшщ]$", w) and len(w) > 3:
            return [w + "а", w + "у", w + "ом", w + "е"]
        return []
    if len(words) == 2 and words[0].endswith("ая") and words[1] == "область":
        stem = words[0][:-2]
        return [f"{stem}ой области", f"{stem}ую область", f"{stem}ой областью"]
    if len(words) == 2 and words[0].endswith("ий") and words[1] == "край":
        stem = words[0][:-2]
        return [f"{stem}ого края", f"{stem}ом крае", f"{stem}ому краю"]
    if len(words) == 2 and words[0] == "Республика":
        return [f"Республики {words[1]}", f"Республике {words[1]}", f"Республику {words[1]}"]
    return []


def ukrainian_forms(name):
    words = name.split(" ")
    if len(words) == 2 and words[0].endswith("ька") and words[1] == "область":
        stem = words[0][:-1]
        return [f"{stem}ої області", f"{stem}у область", f"{stem}ій області"]
    return []


class GeoNames:
    def __init__(self):
        lib = ctypes.CDLL("libgeonames.so.0")
        lib.geonames_get_n_cities.restype = ctypes.c_uint
        lib.geonames_get_city.restype = ctypes.c_void_p
        lib.geonames_get_city.argtypes = [ctypes.c_uint]
        for field in ["name", "country_code", "state", "timezone"]:
            fn = getattr(lib, "geonames_city_get_" + field)
            fn.restype, fn.argtypes = ctypes.c_char_p, [ctypes.c_void_p]
        for field in ["latitude", "longitude"]:
            fn = getattr(lib, "geonames_city_get_" + field)
            fn.restype, fn.argtypes = ctypes.c_double, [ctypes.c_void_p]
        lib.geonames_city_get_population.restype = ctypes.c_uint
        lib.geonames_city_get_population.argtypes = [ctypes.c_void_p]
        self.cities = []
        for i in range(lib.geonames_get_n_cities()):
            city = lib.geonames_get_city(i)
            text = lambda f: (getattr(lib, "geonames_city_get_" + f)(city) or b"").decode()
            self.cities.append({"name": text("name"), "country": text("country_code"),
                                "state": text("state"), "timezone": text("timezone"),
                                "lat": lib.geonames_city_get_latitude(city),
                                "lon": lib.geonames_city_get_longitude(city),
                                "population": lib.geonames_city_get_population(city)})

    def zones(self, country):
        return {c["timezone"] for c in self.cities if c["country"] == country and c["timezone"]}

    def largest_city(self, country, code, division_name):
        key = division_key(GEONAMES_DIVISIONS.get(code, division_name))
        found = [c for c in self.cities
                 if c["country"] == country and key and division_key(c["state"]) == key and
                 (country, c["name"]) not in MISPLACED_CITIES]
        return max(found, key=lambda c: c["population"]) if found else None


DIVISION_WORDS = r"\b(oblast|oblast'|oblasti|governorate|province|region|state|district|rayon|" \
                 r"respublika|republic|kray|kraj|krai|avtonomnyy|autonomous|okrug|city|of|the|" \
                 r"union|territory|ili|il)\b"


def division_key(name):
    text = ascii_fold(name).lower().replace("'", "")
    text = re.sub(DIVISION_WORDS, " ", text)
    text = re.sub(r"[^a-z]+", "", text)
    text = text.replace("j", "y").replace("kh", "h").replace("zh", "z")
    for ending in ("skaja", "skaya", "skaia", "skiy", "skij", "sky", "ska", "sk"):
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    return text


def largest_polygon_centroid(topology, geometry):
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def ring(indexes):
        points = []
        for index in indexes:
            part = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
            points.extend(part if not points else part[1:])
        return points

    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    best = None
    for polygon in polygons:
        outer = ring(polygon[0])
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(outer, outer[1:] + outer[:1]):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if area == 0:
            continue
        if best is None or abs(area) > abs(best[0]):
            best = (area, cx / (3 * area), cy / (3 * area))
    return (round(best[1], 3), round(best[2], 3)) if best else None


def header(kind, sources):
    return [f"# {kind} generated by scripts/generate-countries.py; do not edit by hand, run it again.",
            "# Format: docs/formats/gazetteer-and-actors.md. Sources:"] + [f"# - {s}" for s in sources]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--world-atlas", required=True, help="node_modules/world-atlas")
    parser.add_argument("--cldr", required=True, help="node_modules/cldr-localenames-full")
    parser.add_argument("--data", default="data")
    args = parser.parse_args()
    data = Path(args.data) / "gazetteer"

    iso_version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                                 capture_output=True, text=True, check=True).stdout
    atlas_version = json.load(open(Path(args.world_atlas) / "package.json"))["version"]
    cldr_version = json.load(open(Path(args.cldr) / "package.json"))["version"]
    sources = [f"Debian iso-codes {iso_version} (ISO 3166-1 and 3166-2 codes; names from its gettext "
               "catalogues)",
               f"npm cldr-localenames-full {cldr_version} (Unicode CLDR, Unicode licence): short "
               "country names",
               f"npm world-atlas {atlas_version} (Natural Earth 1:50m, public domain): country "
               "points are area centroids of the largest polygon (approximate)",
               "Debian libgeonames0 0.3.0 (GeoNames cities, CC BY 4.0): time zones; a subdivision's "
               "point is its most populous GeoNames city (approximate)"]

    countries = json.load(open(ISO_DIR / "iso_3166-1.json"))["3166-1"]
    subdivisions = json.load(open(ISO_DIR / "iso_3166-2.json"))["3166-2"]
    topology = json.load(open(Path(args.world_atlas) / "countries-50m.json"))
    shapes = {g.get("id"): g for g in topology["objects"]["countries"]["geometries"]
              if g.get("arcs")}
    cldr = {}
    for language in LANGUAGES:
        path = Path(args.cldr) / "main" / language / "territories.json"
        cldr[language] = json.load(open(path))["main"][language]["localeDisplayNames"]["territories"]
    geonames = GeoNames()

    place_rows = header("Countries", sources) + [
        "#", "# id\ttype\tlon\tlat\twhere_prec\tcountry\tadmin1\tparent\ttimezone\tapproximate\tsource"]
    names = defaultdict(list)
    country_id = dict(HAND_COUNTRIES)
    for country in sorted(countries, key=lambda c: c["alpha_2"]):
        code = country["alpha_2"]
        if code in HAND_COUNTRIES:
            continue
        english = country.get("common_name") or country["name"]
        ident = COUNTRY_IDS.get(code) or slug(english.split(",")[0])
        country_id[code] = ident
        point = largest_polygon_centroid(topology, shapes[country["numeric"]]) \
            if country["numeric"] in shapes else None
        zones = geonames.zones(code)
        zone = zones.pop() if len(zones) == 1 else ""
        source = (f"Natural Earth 1:50m (world-atlas) id {country['numeric']}, centroid of the "
                  "largest polygon" if point else "no polygon in Natural Earth 1:50m: no point")
        lon, lat = (str(point[0]), str(point[1])) if point else ("", "")
        place_rows.append("\t".join([ident, "country", lon, lat, "6", code, "", "", zone, "yes",
                                     source]))
        for language in LANGUAGES:
            cat = catalogue("iso_3166-1", language)
            found = []
            for key in ("common_name", "name", "official_name"):
                text = translated(cat, language, country.get(key))
                if text:
                    found.append(text)
            for key in (code, code + "-alt-short", code + "-alt-variant"):
                if key in cldr[language]:
                    found.insert(0 if key == code else 1, cldr[language][key])
            if language == "en":
                found = [english] + [country["name"]] + \
                    ([country["official_name"]] if "official_name" in country else [])
                found += [ascii_fold(n) for n in found]
            if language == "ru":
                found += [form for n in list(found) for form in russian_forms(n)]
            if language == "en":
                found += [cldr["en"][key] for key in (code, code + "-alt-short") if key in cldr["en"]]
            for text in dict.fromkeys(found):
                if not text.strip() or INVERTED.search(text):
                    continue
                names[(language, "countries")].append((ident, text))
                if language == "ar" and text.startswith("ال") and len(text) >= 6:
                    names[(language, "countries")].append((ident, text[2:]))

    (data / "countries.tsv").write_text("\n".join(place_rows) + "\n", encoding="utf-8")

    sub_rows = header("First-level subdivisions of " + ", ".join(SUBDIVISION_COUNTRIES), sources) + [
        "#", "# id\ttype\tlon\tlat\twhere_prec\tcountry\tadmin1\tparent\ttimezone\tapproximate\tsource"]
    used_ids = set(country_id.values())
    for division in subdivisions:
        code = division["code"]
        country = code[:2]
        if country not in SUBDIVISION_COUNTRIES or "parent" in division or \
                code in HAND_SUBDIVISIONS:
            continue
        ident = slug(division["name"]) + "-" + country.lower()
        if ident in used_ids:
            ident = slug(code)
        used_ids.add(ident)
        city = geonames.largest_city(country, code, division["name"])
        if city:
            lon, lat = f"{city['lon']:.5f}", f"{city['lat']:.5f}"
            zone = city["timezone"]
            source = f"ISO 3166-2 {code} ({division['type']}); point of its largest GeoNames " \
                     f"city, {city['name']}"
        else:
            lon = lat = ""
            zones = geonames.zones(country)
            zone = zones.pop() if len(zones) == 1 else ""
            source = f"ISO 3166-2 {code} ({division['type']}); no GeoNames city matched: no point"
        sub_rows.append("\t".join([ident, "admin1", lon, lat, "4", country, "",
                                   country_id[country], zone, "yes", source]))
        for language in SUBDIVISION_LANGUAGES:
            if (language, code) in WRONG:
                continue
            if language == "en":
                found = [division["name"], ascii_fold(division["name"])]
            else:
                text = translated(catalogue("iso_3166-2", language), language, division["name"])
                found = [text] if text else []
                if language == "ru" and text:
                    found += russian_forms(text)
                if language == "uk" and text:
                    found += ukrainian_forms(text)
            for text in dict.fromkeys(found):
                names[(language, "subdivisions")].append((ident, text))
    (data / "subdivisions.tsv").write_text("\n".join(sub_rows) + "\n", encoding="utf-8")

    for (language, part), rows in sorted(names.items()):
        lines = header(f"Names ({language}) of the {part} in ../{part}.tsv", sources) + [
            "#", "# id\tname\tattributes"]
        seen = set()
        for ident, text in rows:
            text = text.strip()
            if (ident, text) in seen:
                continue
            seen.add((ident, text))
            attribute = "\tdisplay_only" if text in NOT_MATCHED.get(language, set()) else ""
            lines.append(f"{ident}\t{text}{attribute}")
        (data / "names" / f"{language}.{part}.tsv").write_text("\n".join(lines) + "\n",
                                                               encoding="utf-8")


if __name__ == "__main__":
    main()
