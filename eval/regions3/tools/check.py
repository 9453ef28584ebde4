#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Check the regions3 evaluation set.

    python3 tools/check.py                 # check the folder above tools/
    python3 tools/check.py --dir DIR
    python3 tools/check.py --reproduce     # also regenerate into a temp dir and compare bytes

Checks: gold.json schema, file set, encodings (UTF-8 / GBK+CRLF / HTML), length of the
opening (200-400 CJK characters of visible text), that the region's name (or a
recognisable form of it, or the issuer) and the report year appear in each file, that a
non-null publication date appears, adcode plausibility, and coverage counts.
Standard library only.
"""
import argparse
import collections
import filecmp
import json
import os
import re
import subprocess
import sys
import tempfile

PROVINCES = {
    "北京市": 11, "天津市": 12, "河北省": 13, "山西省": 14, "内蒙古自治区": 15, "辽宁省": 21,
    "吉林省": 22, "黑龙江省": 23, "上海市": 31, "江苏省": 32, "浙江省": 33, "安徽省": 34,
    "福建省": 35, "江西省": 36, "山东省": 37, "河南省": 41, "湖北省": 42, "湖南省": 43,
    "广东省": 44, "广西壮族自治区": 45, "海南省": 46, "重庆市": 50, "四川省": 51, "贵州省": 52,
    "云南省": 53, "西藏自治区": 54, "陕西省": 61, "甘肃省": 62, "青海省": 63,
    "宁夏回族自治区": 64, "新疆维吾尔自治区": 65,
}
LEVELS = {"province", "city", "district", "county", "zone", "town", "subdistrict"}
FORMATS = {"txt-utf8", "txt-gbk", "html"}
DOC_KEYS = {"file", "category", "format", "traps", "region", "issuer", "year", "published",
            "truncated", "mechanisms"}
REGION_KEYS = {"name", "full_name", "level", "city", "province", "adcode"}
# prefecture-level cities without counties: their towns carry the city's own code
NO_COUNTY_CITIES = {441900, 442000, 460400, 620200}
CJK_RE = re.compile(r"[\u3007\u4e00-\u9fff]")
CN_DIGITS = "〇一二三四五六七八九"
ETHNIC = re.compile(r"(蒙古族|回族|藏族|维吾尔族|苗族|彝族|壮族|布依族|朝鲜族|满族|侗族|瑶族|白族|"
                    r"土家族|哈尼族|哈萨克族|傣族|黎族|傈僳族|佤族|畲族|拉祜族|水族|东乡族|纳西族|"
                    r"景颇族|柯尔克孜族|土族|达斡尔族|仫佬族|羌族|布朗族|撒拉族|毛南族|仡佬族|锡伯族|"
                    r"阿昌族|普米族|塔吉克族|怒族|独龙族|鄂温克族|保安族|裕固族|各族|蒙古|哈萨克|柯尔克孜)+")

# usual short names of autonomous prefectures (xx州)
PREF_SHORT = {
    "巴音郭楞蒙古自治州": "巴州", "博尔塔拉蒙古自治州": "博州", "克孜勒苏柯尔克孜自治州": "克州",
    "伊犁哈萨克自治州": "伊犁州", "昌吉回族自治州": "昌吉州", "湘西土家族苗族自治州": "湘西州",
    "恩施土家族苗族自治州": "恩施州", "黔东南苗族侗族自治州": "黔东南州", "黔南布依族苗族自治州": "黔南州",
    "黔西南布依族苗族自治州": "黔西南州", "红河哈尼族彝族自治州": "红河州", "文山壮族苗族自治州": "文山州",
    "楚雄彝族自治州": "楚雄州", "大理白族自治州": "大理州", "德宏傣族景颇族自治州": "德宏州",
    "怒江傈僳族自治州": "怒江州", "迪庆藏族自治州": "迪庆州", "西双版纳傣族自治州": "西双版纳州",
    "凉山彝族自治州": "凉山州", "甘孜藏族自治州": "甘孜州", "阿坝藏族羌族自治州": "阿坝州",
    "延边朝鲜族自治州": "延边州", "临夏回族自治州": "临夏州", "甘南藏族自治州": "甘南州",
    "海北藏族自治州": "海北州", "黄南藏族自治州": "黄南州", "海南藏族自治州": "海南州",
    "果洛藏族自治州": "果洛州", "玉树藏族自治州": "玉树州", "海西蒙古族藏族自治州": "海西州",
}

errors = []


def err(msg):
    errors.append(msg)


def cn_year(y, zero="〇"):
    return "".join(CN_DIGITS[int(c)] for c in str(y)).replace("〇", zero)


def forms_of(region, issuer):
    """Recognisable forms of a region name."""
    out = {region["name"], region["full_name"], issuer}
    n = region["name"]
    if n.endswith("自治州"):
        out.add(ETHNIC.sub("", n[:-3]) + "州")
        if n in PREF_SHORT:
            out.add(PREF_SHORT[n])
    if n.endswith("自治县"):
        out.add(ETHNIC.sub("", n[:-3]) + "县")
    for pre in ("贵州", "陕西", "四川", "重庆", "甘肃", "黑龙江", "河南", "海南", "安徽", "宁夏"):
        if region["level"] == "zone" and n.startswith(pre) and len(n) > len(pre) + 2:
            out.add(n[len(pre):])
    if n in PROVINCES and len(n) > 3:
        out.add(n[:2])
    return {f for f in out if f}


def visible_text(raw, fmt):
    if fmt == "txt-gbk":
        return raw.decode("gbk")
    s = raw.decode("utf-8-sig")
    if fmt == "html":
        s = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", "", s)
        s = re.sub(r"<[^>]+>", "", s)
        s = s.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")
    return s


def check_doc(d, base):
    f = d.get("file")
    where = f or "<no file>"
    if set(d) != DOC_KEYS:
        err("%s: keys %s" % (where, sorted(set(d) ^ DOC_KEYS)))
        return None
    r = d["region"]
    if not isinstance(r, dict) or set(r) != REGION_KEYS:
        err("%s: region keys" % where)
        return None
    if d["format"] not in FORMATS:
        err("%s: bad format %r" % (where, d["format"]))
    want_ext = ".html" if d["format"] == "html" else ".txt"
    if not re.fullmatch(r"r_\d{3}" + re.escape(want_ext), f):
        err("%s: bad file name for format %s" % (where, d["format"]))
    if not isinstance(d["category"], str) or not d["category"]:
        err("%s: category" % where)
    if not isinstance(d["traps"], list) or not all(isinstance(t, str) for t in d["traps"]):
        err("%s: traps must be a list of strings" % where)
    if d["mechanisms"] != []:
        err("%s: mechanisms must be []" % where)
    if d["truncated"] is not True:
        err("%s: truncated must be true" % where)
    if not isinstance(d["issuer"], str) or not d["issuer"]:
        err("%s: issuer" % where)
    y = d["year"]
    if not isinstance(y, int) or isinstance(y, bool) or not 2016 <= y <= 2025:
        err("%s: year %r" % (where, y))
    pub = d["published"]
    if pub is not None and not re.fullmatch(r"20\d\d-\d\d-\d\d", str(pub)):
        err("%s: published %r" % (where, pub))
    # ---- region
    lvl = r["level"]
    if lvl not in LEVELS:
        err("%s: level %r" % (where, lvl))
    if r["province"] not in PROVINCES:
        err("%s: province %r" % (where, r["province"]))
    for k in ("name", "full_name"):
        if not isinstance(r[k], str) or not r[k]:
            err("%s: region.%s" % (where, k))
    if r["city"] is not None and not isinstance(r["city"], str):
        err("%s: city" % where)
    ac = r["adcode"]
    if lvl == "zone":
        if ac is not None:
            err("%s: zone adcode must be null" % where)
    else:
        if not isinstance(ac, int) or isinstance(ac, bool) or not 110000 <= ac <= 659999:
            err("%s: adcode %r" % (where, ac))
        else:
            if ac // 10000 != PROVINCES.get(r["province"], -1):
                err("%s: adcode %d not in %s" % (where, ac, r["province"]))
            if lvl == "province" and ac % 10000:
                err("%s: province adcode %d" % (where, ac))
            if lvl == "city" and (ac % 100 or not ac % 10000):
                err("%s: city adcode %d" % (where, ac))
            if lvl in ("district", "county") and not ac % 100:
                err("%s: county-level adcode %d" % (where, ac))
            if lvl in ("town", "subdistrict") and not ac % 100 and ac not in NO_COUNTY_CITIES:
                err("%s: town adcode must be the parent county's %d" % (where, ac))
    suffix_ok = {
        "province": ("省", "市", "自治区"), "city": ("市", "州", "地区", "盟"),
        "district": ("区",), "county": ("县", "市", "旗"), "zone": ("区",),
        "town": ("镇", "乡", "苏木"), "subdistrict": ("街道",)}
    if lvl in suffix_ok and not r["name"].endswith(suffix_ok[lvl]):
        err("%s: name %s does not fit level %s" % (where, r["name"], lvl))
    if lvl == "province" and r["name"] != r["province"]:
        err("%s: province name mismatch" % where)
    if lvl == "city" and r["city"] != r["name"]:
        err("%s: city field of a city-level region should be its own name" % where)
    if not r["full_name"].endswith(r["name"]):
        err("%s: full_name should end with name" % where)
    # ---- file
    path = os.path.join(base, f)
    if not os.path.isfile(path):
        err("%s: missing file" % where)
        return None
    raw = open(path, "rb").read()
    fmt = d["format"]
    if fmt == "txt-gbk":
        try:
            raw.decode("utf-8")
            err("%s: GBK file also decodes as UTF-8" % where)
        except UnicodeDecodeError:
            pass
        try:
            raw.decode("gbk")
        except UnicodeDecodeError:
            err("%s: not GBK" % where)
            return None
        if raw.count(b"\n") == 0 or raw.count(b"\n") != raw.count(b"\r\n"):
            err("%s: GBK file must use CRLF line ends" % where)
    else:
        try:
            raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            err("%s: not UTF-8" % where)
            return None
        if b"\r" in raw:
            err("%s: UTF-8 file should use LF" % where)
        low = raw.lower()
        if fmt == "html" and (b"<html" not in low or b"</html>" not in low):
            err("%s: not an html page" % where)
        if fmt != "html" and b"<html" in low:
            err("%s: html in a txt file" % where)
    text = visible_text(raw, fmt)
    n = len(CJK_RE.findall(text))
    if not 200 <= n <= 400:
        err("%s: %d CJK characters (want 200-400)" % (where, n))
    forms = forms_of(r, d["issuer"])
    if not any(x in text for x in forms):
        err("%s: region/issuer not found (%s)" % (where, "/".join(sorted(forms))))
    if isinstance(y, int) and not any(s in text for s in (str(y), cn_year(y), cn_year(y, "零"))):
        err("%s: year %s not found" % (where, y))
    if pub:
        yy, mm, dd = pub.split("-")
        alts = [pub, "%s年%s月%s日" % (yy, mm, dd), "%s/%d/%d" % (yy, int(mm), int(dd)),
                "%s年%d月%d日" % (yy, int(mm), int(dd))]
        if not any(a in text or a in raw.decode("utf-8-sig", "ignore") for a in alts):
            err("%s: published date %s not found in the file" % (where, pub))
    return n


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--dir", default=here)
    ap.add_argument("--reproduce", action="store_true",
                    help="regenerate into a temporary folder and compare byte by byte")
    ap.add_argument("--tmp", default=None, help="parent folder for --reproduce")
    args = ap.parse_args()
    base = args.dir
    gold = json.load(open(os.path.join(base, "gold.json"), encoding="utf-8"))
    if set(gold) != {"schema_version", "documents"} or gold["schema_version"] != 1:
        err("gold.json: top-level keys / schema_version")
    docs = gold["documents"]
    lengths = []
    for d in docs:
        n = check_doc(d, base)
        if n:
            lengths.append(n)
    files = [d["file"] for d in docs]
    if len(set(files)) != len(files):
        err("duplicate file names in gold")
    expect = {"r_%03d" % i for i in range(1, len(docs) + 1)}
    if {os.path.splitext(f)[0] for f in files} != expect:
        err("files are not numbered r_001..r_%03d" % len(docs))
    on_disk = {f for f in os.listdir(base) if re.fullmatch(r"r_\d{3}\.(txt|html)", f)}
    if on_disk != set(files):
        err("files on disk differ from gold: %s" % sorted(on_disk ^ set(files)))
    if len(docs) != 120:
        err("expected 120 documents, got %d" % len(docs))
    # ---- coverage
    fmt = collections.Counter(d["format"] for d in docs)
    lvl = collections.Counter(d["region"]["level"] for d in docs)
    prov = collections.Counter(d["region"]["province"] for d in docs)
    years = collections.Counter(d["year"] for d in docs)
    traps = collections.Counter(t for d in docs for t in d["traps"])
    cats = collections.Counter(d["category"] for d in docs)
    if len(prov) < 28:
        err("only %d provinces" % len(prov))
    if set(lvl) != LEVELS:
        err("levels missing: %s" % (LEVELS - set(lvl)))
    if not 8 <= fmt["txt-gbk"] <= 12 or not 8 <= fmt["html"] <= 12:
        err("format counts %s" % dict(fmt))
    if set(years) != set(range(2016, 2026)):
        err("years missing: %s" % (set(range(2016, 2026)) - set(years)))
    keyset = collections.Counter((d["region"]["name"], d["region"]["adcode"], d["year"], d["issuer"]) for d in docs)
    dup = [k for k, v in keyset.items() if v > 1]
    if dup:
        err("duplicate documents: %s" % dup)
    # ---- reproducibility
    if args.reproduce:
        gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "generate.py")
        with tempfile.TemporaryDirectory(prefix="regions3-repro-", dir=args.tmp) as tmp:
            subprocess.run([sys.executable, gen, "--out", tmp, "--quiet"], check=True)
            names = sorted(files) + ["gold.json"]
            _, mismatch, missing = filecmp.cmpfiles(base, tmp, names, shallow=False)
            if mismatch or missing:
                err("not reproducible: %s %s" % (mismatch, missing))
            else:
                print("reproduce: regenerated %d files, byte-identical" % len(names))
    print("documents: %d   provinces: %d   CJK chars per opening: %d-%d" % (
        len(docs), len(prov), min(lengths or [0]), max(lengths or [0])))
    print("formats:  ", dict(sorted(fmt.items())))
    print("levels:   ", dict(sorted(lvl.items())))
    print("years:    ", dict(sorted(years.items())))
    print("traps:    ", dict(sorted(traps.items(), key=lambda kv: (-kv[1], kv[0]))))
    print("categories:", len(cats))
    if errors:
        print("\n%d ERROR(S):" % len(errors))
        for e in errors:
            print("  -", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
