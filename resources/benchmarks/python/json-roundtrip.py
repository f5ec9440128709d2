"""JSON round trip: serialize a document of N records (json.dumps), parse it back
(json.loads) and walk the parsed tree. The document is built once, untimed, from a
Park-Miller LCG; it holds only integers, strings (some non-ASCII, some needing escapes),
booleans, None, lists and dicts -- no floats, so both languages emit the same bytes.

Size = number of records; result = "<serialized length>:<checksum of the walked values>".
"""
import json

from _lcg import Lcg
from _protocol import run


SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "zen", "dor", "el", "qua"]
NOTES = ["Grüße aus Köln", "naïve café", "日本語のテキスト", "Ελληνικά", "price: 5 €",
         'says "hello"', "back\\slash", "line one\nline two", "tab\there", "bell\x07 and \x1f", "plain note"]
EVENTS = ["login", "logout", "purchase", "view", "refund"]
CITIES = ["Lisboa", "Zürich", "Kraków", "Osaka", "São Paulo", "Reykjavík", "Nairobi"]


def word(rng):
    return "".join(rng.pick(SYLLABLES) for _ in range(1 + rng.below(3)))


def build_document(records):
    rng = Lcg(42)
    items = []
    for i in range(records):
        name = word(rng)
        tags = [word(rng) for _ in range(rng.below(5))]
        history = [
            {"ts": 1700000000 + rng.below(100000000), "event": rng.pick(EVENTS), "amount": rng.below(20001) - 10000}
            for _ in range(rng.below(4))
        ]
        # Dict displays evaluate in order, so the LCG is drawn in the same order as in JS.
        items.append({
            "id": i,
            "name": name,
            "email": f"{name}.{i}@{word(rng)}.example",
            "active": rng.below(2) == 1,
            "score": rng.below(2000001) - 1000000,
            "tags": tags,
            "address": {"street": f"{1 + rng.below(999)} {word(rng)} street", "city": rng.pick(CITIES),
                        "zip": str(10000 + rng.below(90000))},
            "manager": None if rng.below(4) == 0 else rng.below(records),
            "history": history,
            "note": rng.pick(NOTES),
        })
    return {"version": 1, "generator": "showdown", "count": records, "records": items}


def walk(value):
    """Sum of the walked values: integers as they are, strings and keys by length,
    True as 1, plus 1 for every list and dict."""
    if value is None:
        return 0
    if isinstance(value, bool):  # before int: bool is a subclass of int
        return 1 if value else 0
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return len(value)
    total = 1
    if isinstance(value, list):
        for item in value:
            total += walk(item)
    else:
        for key, item in value.items():
            total += len(key) + walk(item)
    return total


def round_trip(doc):
    text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False)
    parsed = json.loads(text)
    return f"{len(text)}:{walk(parsed)}"


if __name__ == "__main__":
    run("json-roundtrip", round_trip, default_size=100, setup=build_document, min_size=0)
