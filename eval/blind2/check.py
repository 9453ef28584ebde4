#!/usr/bin/env python3
"""Verify gold.json against the files: schema, encodings, every surface/distractor is an exact substring."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
errs = 0; nm = 0; nd = 0
CATS = {"province_government","province_department","prefecture","district","county","zone","town","subdistrict","department"}
LEVELS = {"province","city","district","county","zone","town","subdistrict"}
def err(*a):
    global errs; errs += 1; print("ERROR", *a)
assert g.get("schema_version") == 1
files = set()
for d in g["documents"]:
    f = d["file"]; files.add(f)
    raw = open(os.path.join(HERE, f), "rb").read()
    enc = "gbk" if d["format"] == "txt-gbk" else "utf-8"
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as e:
        err(f, "decode", e); continue
    if d["format"] == "txt-gbk":
        try: raw.decode("utf-8"); err(f, "gbk file also decodes as utf-8")
        except UnicodeDecodeError: pass
    if d["category"] not in CATS: err(f, "category", d["category"])
    if d["format"] not in {"txt-utf8","txt-gbk","html"}: err(f, "format")
    if (d["format"] == "html") != f.endswith(".html"): err(f, "extension/format mismatch")
    r = d["region"]
    if r["level"] not in LEVELS: err(f, "level")
    if r["adcode"] is not None and not (isinstance(r["adcode"], int) and 100000 <= r["adcode"] <= 999999): err(f, "adcode")
    if not isinstance(d["year"], int) or not 2016 <= d["year"] <= 2025: err(f, "year")
    if d["published"] is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", d["published"]): err(f, "published")
    seen = set()
    for m in d["mechanisms"]:
        nm += 1
        if m["status"] not in {"adopted","planned","problem"}: err(f, "status", m)
        if m["canonical"] in seen: err(f, "duplicate canonical", m["canonical"])
        seen.add(m["canonical"])
        if not m["surface"]: err(f, "no surface", m["canonical"])
        for s in m["surface"]:
            if s not in text: err(f, "surface not found:", s)
    for s in d["distractors"]:
        nd += 1
        if s not in text: err(f, "distractor not found:", s)
        if any(s == x for m in d["mechanisms"] for x in m["surface"]): err(f, "distractor equals a surface:", s)
    body = re.sub(r"<[^>]+>", "", text) if d["format"] == "html" else text
    n = len(re.findall(r"[\u4e00-\u9fff]", body))
    nall = len(re.sub(r"\s", "", body))
    if d["has_title"] and d["format"] != "html":
        first = text.strip().splitlines()[0]
        if "报告" not in first and "情况" not in first and "总结" not in first: err(f, "has_title but first line does not look like a title:", first)
    print(f"{f:10s} {d['format']:8s} cjk={n:5d} nonspace={nall:5d} mech={len(d['mechanisms']):3d} distr={len(d['distractors']):2d} trunc={d['truncated']!s:5s} title={d['has_title']}")
on_disk = {x for x in os.listdir(HERE) if re.fullmatch(r"u_\d\d\.(txt|html)", x)}
if on_disk != files: err("files on disk vs gold mismatch", on_disk ^ files)
print(f"documents={len(g['documents'])} mechanisms={nm} distractors={nd} errors={errs}")
sys.exit(1 if errs else 0)
