#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Check the regions2 evaluation set: schema, files, encodings, and that each opening contains
its region (or a recognisable form / the issuer) and its year.  Standard library only.

    python3 tools/check.py        # exit status 0 = all checks passed
"""
import collections
import datetime
import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

PROV = {"北京市": 11, "天津市": 12, "河北省": 13, "山西省": 14, "内蒙古自治区": 15, "辽宁省": 21, "吉林省": 22,
        "黑龙江省": 23, "上海市": 31, "江苏省": 32, "浙江省": 33, "安徽省": 34, "福建省": 35, "江西省": 36,
        "山东省": 37, "河南省": 41, "湖北省": 42, "湖南省": 43, "广东省": 44, "广西壮族自治区": 45, "海南省": 46,
        "重庆市": 50, "四川省": 51, "贵州省": 52, "云南省": 53, "西藏自治区": 54, "陕西省": 61, "甘肃省": 62,
        "青海省": 63, "宁夏回族自治区": 64, "新疆维吾尔自治区": 65}
LEVELS = {"province", "prefecture", "county", "town", "zone"}
FORMATS = {"txt-utf8", "txt-gbk", "html"}
DOC_KEYS = {"file", "category", "format", "region", "issuer", "year", "published", "truncated", "traps", "mechanisms"}
REGION_KEYS = {"name", "full_name", "level", "city", "province", "adcode"}
SUFFIXES = ["自治区", "自治州", "自治县", "自治旗", "地区", "街道", "苏木", "新区", "省", "市", "盟", "区", "县", "旗", "镇", "乡"]
ETHNIC = ["各族", "苗族", "侗族", "土家族", "朝鲜族", "彝族", "哈尼族", "藏族", "羌族", "白族", "回族", "土族", "满族",
          "蒙古族", "达斡尔族", "壮族", "维吾尔", "民族"]
CN = "〇一二三四五六七八九"
CJK = re.compile(r"[\u3007\u4e00-\u9fff]")
# prefecture-level cities without counties: their towns carry the city's own code
NO_COUNTY_CITIES = {"东莞市", "中山市", "儋州市", "嘉峪关市"}


def forms(name):
    """Recognisable forms of a region name: the name, its stem, stem + 州/县 short forms."""
    out = {name}
    stem = name
    for suf in SUFFIXES:
        if stem.endswith(suf) and len(stem) > len(suf) + 1:
            stem = stem[: -len(suf)]
            break
    changed = True
    while changed:
        changed = False
        for eth in ETHNIC:
            if stem.endswith(eth) and len(stem) > len(eth) + 1:
                stem = stem[: -len(eth)]
                changed = True
    if len(stem) >= 2:
        out.add(stem)
        if name.endswith("自治州"):
            out.add(stem + "州")
        if name.endswith("自治县"):
            out.update({stem + "县", stem + "自治县"})
    return out


def year_forms(y):
    s = str(y)
    c = "".join(CN[int(ch)] for ch in s)
    return {s, c, c.replace("〇", "○"), c.replace("〇", "零")}


def visible(raw):
    s = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", raw)
    s = re.sub(r"(?is)<head>.*?</head>", " ", s)
    s = re.sub(r"<[^>]+>", " ", s)
    return html.unescape(s)


def main():
    errors, warnings = [], []
    err = errors.append
    with open(os.path.join(ROOT, "gold.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    if set(gold) != {"schema_version", "documents"} or gold.get("schema_version") != 1:
        err("top level must be exactly {schema_version: 1, documents: [...]}")
    docs = gold.get("documents", [])
    files = [d.get("file") for d in docs]
    if len(set(files)) != len(files):
        err("duplicate file entries")
    expected = {"r_%03d" % i for i in range(1, len(docs) + 1)}
    if {os.path.splitext(f)[0] for f in files} != expected:
        err("file names are not r_001..r_%03d" % len(docs))
    on_disk = {f for f in os.listdir(ROOT) if re.match(r"^r_\d{3}\.(txt|html)$", f)}
    if on_disk != set(files):
        err("files on disk differ from gold: extra %s missing %s" % (sorted(on_disk - set(files)), sorted(set(files) - on_disk)))

    stats = collections.Counter()
    cats, fmts, provs, years, levels, mechs = (collections.Counter() for _ in range(6))
    lengths = []
    for d in docs:
        f = d.get("file", "?")
        if set(d) != DOC_KEYS:
            err("%s: keys %s" % (f, sorted(set(d) ^ DOC_KEYS)))
            continue
        r = d["region"]
        if not isinstance(r, dict) or set(r) != REGION_KEYS:
            err("%s: region keys wrong" % f)
            continue
        # ---- types / values
        if not isinstance(d["category"], str) or not d["category"]:
            err("%s: category" % f)
        if d["format"] not in FORMATS:
            err("%s: format %r" % (f, d["format"]))
        if (d["format"] == "html") != f.endswith(".html"):
            err("%s: extension does not match format" % f)
        if not isinstance(d["issuer"], str) or not d["issuer"]:
            err("%s: issuer" % f)
        if not isinstance(d["year"], int) or not 2016 <= d["year"] <= 2025:
            err("%s: year %r out of 2016-2025" % (f, d["year"]))
        if d["truncated"] is not True:
            err("%s: truncated must be true" % f)
        if not isinstance(d["traps"], list) or not all(isinstance(m, str) for m in d["traps"]):
            err("%s: traps must be a list of strings" % f)
        pub = d["published"]
        if pub is not None:
            try:
                pd = datetime.date.fromisoformat(pub)
                if pd.year < d["year"]:
                    err("%s: published %s before report year" % (f, pub))
            except (TypeError, ValueError):
                err("%s: published %r not YYYY-MM-DD" % (f, pub))
        # the gold writes fazhi's level words (generate.fazhi_level); the checks below use the helper's
        lvl = {"city": "prefecture", "district": "county", "subdistrict": "town"}.get(r["level"], r["level"])
        if lvl not in LEVELS:
            err("%s: level %r" % (f, lvl))
        if r["province"] not in PROV:
            err("%s: province %r" % (f, r["province"]))
        if not (isinstance(r["name"], str) and r["name"] and isinstance(r["full_name"], str) and r["name"] in r["full_name"]):
            err("%s: name/full_name" % f)
        if r["city"] is not None and not isinstance(r["city"], str):
            err("%s: city" % f)
        code = r["adcode"]
        if lvl == "zone":
            if code is not None:
                err("%s: zone adcode must be null" % f)
        elif not (isinstance(code, int) and not isinstance(code, bool) and 110000 <= code <= 659999):
            err("%s: adcode %r" % (f, code))
        else:
            if code // 10000 != PROV.get(r["province"]):
                err("%s: adcode %d not in %s" % (f, code, r["province"]))
            if lvl == "province" and code % 10000:
                err("%s: province code must end in 0000" % f)
            if lvl == "prefecture" and (code % 100 or not code % 10000):
                err("%s: prefecture code must end in 00 (not 0000)" % f)
            if lvl == "county" and not code % 100:
                err("%s: county code must not end in 00" % f)
            if lvl == "town" and not code % 100 and r["city"] not in NO_COUNTY_CITIES:
                err("%s: town must carry its county's code" % f)
        if lvl == "prefecture" and r["city"] != r["name"]:
            err("%s: prefecture-level region should have city == name" % f)
        if lvl == "province" and r["city"] is not None:
            err("%s: province-level region must have city null" % f)
        # ---- file content
        path = os.path.join(ROOT, f)
        if not os.path.exists(path):
            err("%s: missing" % f)
            continue
        raw = open(path, "rb").read()
        text = None
        if d["format"] == "txt-gbk":
            try:
                raw.decode("utf-8")
                err("%s: declared GBK but is valid UTF-8" % f)
            except UnicodeDecodeError:
                pass
            try:
                text = raw.decode("gbk")
            except UnicodeDecodeError:
                err("%s: not decodable as GBK" % f)
            if b"\n" in raw.replace(b"\r\n", b"") or b"\r\n" not in raw:
                err("%s: GBK file must use CRLF line ends" % f)
        else:
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                err("%s: not UTF-8" % f)
            if raw.startswith(b"\xef\xbb\xbf"):
                stats["utf8-bom"] += 1
            if d["format"] == "html" and text is not None:
                if not re.search(r"(?i)<html", text) or not re.search(r'(?i)charset="?utf-8', text):
                    err("%s: html page without <html> / utf-8 charset" % f)
                text = visible(text)
        if text is None:
            continue
        n = len(CJK.findall(text))
        lengths.append(n)
        if not 200 <= n <= 400:
            err("%s: %d Chinese characters (want 200-400)" % (f, n))
        rf = forms(r["name"]) | {r["full_name"]}
        if not any(x in text for x in rf) and d["issuer"] not in text:
            err("%s: neither region name (%s) nor issuer found" % (f, "/".join(sorted(rf))))
        if d["issuer"] not in text:
            warnings.append("%s: issuer %r not verbatim in text" % (f, d["issuer"]))
        if not any(y in text for y in year_forms(d["year"])):
            err("%s: year %d not found" % (f, d["year"]))
        if pub is not None and pub not in text:
            err("%s: published date %s not shown in the file" % (f, pub))
        if "shared-name" in d["traps"] and lvl == "town":
            parent = r["full_name"].replace(r["province"], "", 1)
            if r["city"]:
                parent = parent.replace(r["city"], "", 1)
            parent = parent[: -len(r["name"])]
            if parent and not any(x in text for x in forms(parent)):
                err("%s: shared town name without its county (%s) in the text" % (f, parent))
        cats[d["category"]] += 1
        fmts[d["format"]] += 1
        provs[r["province"]] += 1
        years[d["year"]] += 1
        levels[lvl] += 1
        for m in d["traps"]:
            mechs[m] += 1

    if len(provs) < 28:
        err("only %d provinces covered (want >= 28)" % len(provs))
    print("documents: %d" % len(docs))
    print("categories: " + ", ".join("%s %d" % kv for kv in sorted(cats.items(), key=lambda kv: -kv[1])))
    print("levels: " + ", ".join("%s %d" % kv for kv in sorted(levels.items())))
    print("formats: " + ", ".join("%s %d" % kv for kv in sorted(fmts.items())) + " (utf-8 with BOM: %d)" % stats["utf8-bom"])
    print("provinces: %d/31" % len(provs))
    print("years: " + ", ".join("%d:%d" % kv for kv in sorted(years.items())))
    print("traps: " + ", ".join("%s %d" % kv for kv in sorted(mechs.items(), key=lambda kv: -kv[1])))
    if lengths:
        print("Chinese characters per opening: min %d, median %d, max %d" % (min(lengths), sorted(lengths)[len(lengths) // 2], max(lengths)))
    for w in warnings:
        print("WARN " + w)
    for e in errors:
        print("ERROR " + e)
    print("OK" if not errors else "FAILED (%d errors)" % len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
