#!/usr/bin/env python3
"""Verify gold.json against the documents in this directory."""
import json, re, sys, pathlib, collections

ROOT = pathlib.Path(__file__).resolve().parent
CATS = {"province_government", "province_department", "prefecture", "district", "county",
        "zone", "town", "subdistrict", "department"}
LEVELS = {"province", "city", "district", "county", "zone", "town", "subdistrict"}
FMTS = {"txt-utf8", "txt-gbk", "html"}
STAT = {"adopted", "planned", "problem"}
errs = []


def err(f, msg):
    errs.append(f"{f}: {msg}")


def decode(path, fmt):
    data = path.read_bytes()
    if fmt == "txt-gbk":
        try:
            data.decode("utf-8")
            err(path.name, "GBK file decodes as UTF-8")
        except UnicodeDecodeError:
            pass
        return data.decode("gbk")
    return data.decode("utf-8")


def body_of(text, fmt):
    if fmt == "html":
        m = re.search(r'<meta name="ContentStart">(.*?)<meta name="ContentEnd">', text, re.S)
        t = re.sub(r"<[^>]+>", "", m.group(1)) if m else ""
        tm = re.search(r'<h1 class="title">(.*?)</h1>', text)
        return (tm.group(1) if tm else "") + t
    return text


def main():
    g = json.loads((ROOT / "gold.json").read_text("utf-8"))
    if g.get("schema_version") != 1:
        err("gold", "schema_version != 1")
    docs = g["documents"]
    files = [d["file"] for d in docs]
    if len(set(files)) != len(files):
        err("gold", "duplicate file")
    on_disk = sorted(p.name for p in ROOT.glob("n_*.*"))
    if sorted(files) != on_disk:
        err("gold", f"file set mismatch: {set(files) ^ set(on_disk)}")
    stat = collections.Counter()
    canon_docs = collections.defaultdict(set)
    n_dis = 0
    keys = {"file", "category", "format", "region", "issuer", "year", "published", "truncated",
            "has_title", "mechanisms", "distractors"}
    for d in docs:
        f = d["file"]
        if set(d) != keys:
            err(f, f"keys {set(d) ^ keys}")
        if not re.fullmatch(r"n_\d\d\.(txt|html)", f):
            err(f, "bad file name")
        if d["category"] not in CATS:
            err(f, "category")
        if d["format"] not in FMTS:
            err(f, "format")
        if (d["format"] == "html") != f.endswith(".html"):
            err(f, "format/extension mismatch")
        r = d["region"]
        if set(r) != {"name", "full_name", "level", "city", "province", "adcode"}:
            err(f, "region keys")
        if r["level"] not in LEVELS:
            err(f, "region level")
        if r["adcode"] is not None and not (isinstance(r["adcode"], int) and 100000 <= r["adcode"] <= 999999):
            err(f, "adcode")
        if r["level"] == "zone" and r["adcode"] is not None:
            err(f, "zone adcode must be null")
        if r["level"] != "zone" and r["adcode"] is None:
            err(f, "missing adcode")
        if not isinstance(d["year"], int) or not 2016 <= d["year"] <= 2025:
            err(f, "year")
        if d["published"] is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", d["published"]):
            err(f, "published")
        if not isinstance(d["truncated"], bool) or not isinstance(d["has_title"], bool):
            err(f, "bool fields")
        try:
            text = decode(ROOT / f, d["format"])
        except Exception as e:
            err(f, f"decode failed: {e}")
            continue
        body = body_of(text, d["format"])
        cjk = sum(1 for c in body if "\u4e00" <= c <= "\u9fff")
        if not 700 <= cjk <= 2100:
            err(f, f"CJK length {cjk} out of range")
        if d["format"] == "html":
            for need in ("今天是", "发布时间", "来源", "浏览次数", "字号", "【打印本页】", "主办", "网站标识码", "ICP"):
                if need not in text:
                    err(f, f"html chrome missing {need}")
        if str(d["year"]) not in body:
            err(f, "year not mentioned in body")
        seen = set()
        if not d["mechanisms"]:
            err(f, "no mechanisms")
        surf_all = set()
        for m in d["mechanisms"]:
            if set(m) != {"canonical", "surface", "status"}:
                err(f, f"mechanism keys {m}")
            if m["canonical"] in seen:
                err(f, f"dup canonical {m['canonical']}")
            seen.add(m["canonical"])
            if m["status"] not in STAT:
                err(f, "status")
            if not m["surface"] or len(set(m["surface"])) != len(m["surface"]):
                err(f, f"surfaces empty/dup for {m['canonical']}")
            for s in m["surface"]:
                if s not in text:
                    err(f, f"surface not in text: {s}")
                surf_all.add(s)
            stat[m["status"]] += 1
            canon_docs[m["canonical"]].add(f)
        for s in d["distractors"]:
            n_dis += 1
            if s not in text:
                err(f, f"distractor not in text: {s}")
            if s in surf_all:
                err(f, f"distractor equals a surface: {s}")
        if not d["truncated"] and d["format"] != "html":
            if not re.search(r"[。！）】\d日]\s*$", text):
                err(f, "not truncated but does not end at sentence end")
        if d["truncated"]:
            if re.search(r"[。]\s*$", body):
                err(f, "truncated but ends with 。")
    fmts = collections.Counter(d["format"] for d in docs)
    single = sum(1 for c, s in canon_docs.items() if len(s) == 1)
    print(f"documents: {len(docs)}  formats: {dict(fmts)}")
    print(f"mechanism entries: {sum(stat.values())}  by status: {dict(stat)}")
    print(f"distinct canonicals: {len(canon_docs)}  single-document: {single} ({single/max(len(canon_docs),1):.1%})")
    print(f"distractors: {n_dis}")
    if errs:
        print("\n".join(errs))
        print(f"FAILED: {len(errs)} problems")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
