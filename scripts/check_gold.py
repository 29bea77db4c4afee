"""Shape and consistency check for the gold files of a corpus folder (not a scorer).

    python scripts/check_gold.py data/eval-blind

Every quote text and every entity name/alias must occur verbatim in the article,
quotes must be in reading order, speakers must be listed entities, and the JSON must
have the keys of the team corpora. Also prints quoted spans left out of the gold
(titles, nicknames, words cited as words, unattributed scare quotes) for review.
"""
import json, re, sys, glob, os
if len(sys.argv) != 2:
    sys.exit("usage: check_gold.py CORPUS_FOLDER")
D = sys.argv[1]
KEYS = ["title", "author", "publisher", "headings", "quotes", "entities"]
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "WORK_OF_ART", "EVENT", "LANGUAGE", "PRODUCT", "LAW"}
ok = True
def bad(stem, msg):
    global ok; ok = False; print(f"[{stem}] {msg}")
for gp in sorted(glob.glob(os.path.join(D, "*.gold.json"))):
    stem = os.path.basename(gp)[:-len(".gold.json")]
    if not re.fullmatch(r"[a-z0-9-]+", stem): bad(stem, "bad stem")
    text = open(os.path.join(D, stem + ".txt"), encoding="utf-8").read()
    lines = text.split("\n")
    g = json.load(open(gp, encoding="utf-8"))
    if list(g.keys()) != KEYS: bad(stem, f"keys {list(g.keys())}")
    words = len(text.split())
    if not 350 <= words <= 900: bad(stem, f"word count {words}")
    if g["title"] is not None and lines[0] != g["title"]: bad(stem, "title is not first line")
    for k in ("author", "publisher"):
        if g[k] is not None and g[k] not in "\n".join(lines[:4]): bad(stem, f"{k} not in top lines")
    for h in g["headings"]:
        if h not in lines: bad(stem, f"heading not a line: {h}")
    names = {}
    for e in g["entities"]:
        if list(e.keys()) not in (["name", "type", "aliases"], ["name", "type", "also_types", "aliases"]): bad(stem, f"entity keys {e}")
        if e["type"] not in TYPES: bad(stem, f"type {e}")
        for s in [e["name"]] + e["aliases"]:
            if s not in text: bad(stem, f"entity string not in text: {s!r}")
            if s in names and names[s] != e["name"]: bad(stem, f"string {s!r} in two entities")
            names[s] = e["name"]
        if len(set(e["aliases"])) != len(e["aliases"]) or e["name"] in e["aliases"]: bad(stem, f"dup alias {e['name']}")
    enames = {e["name"]: e["type"] for e in g["entities"]}
    pos = 0
    for q in g["quotes"]:
        t = q["text"]
        if set(q.keys()) != {"text", "speaker"}: bad(stem, f"quote keys {q}")
        i = text.find(t, pos)
        if i < 0:
            j = text.find(t)
            if j < 0: bad(stem, f"quote not in text: {t[:60]!r}")
            else:
                # allow nested quote (inside previous one): search from before
                bad(stem, f"quote out of order?: {t[:50]!r}") if j < pos - 2000 else None
                pos = max(pos, j)
        else:
            pos = i
        sp = q["speaker"]
        if sp is not None and sp not in enames: bad(stem, f"speaker not an entity: {sp}")
        elif sp is not None and enames[sp] not in ("PERSON", "ORG"): bad(stem, f"speaker type {sp} {enames[sp]}")
    # spans in the text not in gold (for manual review)
    golds = {q["text"].strip() for q in g["quotes"]}
    spans = re.findall(r"“([^”]*)”", text) + re.findall(r'"([^"\n]*)"', text) + re.findall(r"(?<![A-Za-z])‘(.+?)’(?![A-Za-z])", text) + re.findall(r"(?<![A-Za-z])'(.+?)'(?![A-Za-z])", text)
    extra = [s for s in spans if s.strip() not in golds]
    print(f"{stem}: {words} words, {len(g['quotes'])} quotes, {len(g['entities'])} entities; unlisted spans: {extra}")
print("OK" if ok else "PROBLEMS")
