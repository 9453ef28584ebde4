#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Checker for the regions4 evaluation set.

    python3 tools/check.py [--dir DIR] [--reproduce]

Verifies the gold schema and enums, file decoding (GBK files must not decode as
UTF-8 and use CRLF), opening length (150-450 CJK ideographs), that the report
year is written in each text, html chrome, truncation endings, published dates,
coverage of all 31 province-level units and, with --reproduce, that
tools/generate.py rebuilds every file byte-identically.  Standard library only.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from units import PROV_CODES, MUNICIPALITIES  # noqa: E402
from generate import TRAP_ORDER, HTML_CONTAINERS, cn_year  # noqa: E402

HAN_RE = re.compile(r"[\u3007\u4e00-\u9fff]")
LEVELS = {"province", "city", "county", "district", "town", "subdistrict", "zone"}
FORMATS = {"txt": ".txt", "txt-gbk": ".txt", "html": ".html"}
DOC_KEYS = {"file", "category", "format", "traps", "region", "issuer", "year", "published",
            "truncated", "mechanisms"}
REGION_KEYS = {"name", "full_name", "level", "city", "province", "adcode"}
CONTAINER_RE = re.compile(
    r'<div (?:id="[^"]*" )?class="(?:%s)"[^>]*>(.*?)</div>' % "|".join(HTML_CONTAINERS), re.S)


class Checker:
    def __init__(self):
        self.errors = []

    def err(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))


def strip_tags(s):
    s = re.sub(r"<[^>]+>", "", s)
    return s.replace("&gt;", ">").replace("&lt;", "<").replace("&nbsp;", " ").replace("&amp;", "&")


def decode(ck, path, fmt, data):
    name = os.path.basename(path)
    if fmt == "txt-gbk":
        try:
            data.decode("utf-8")
            ck.err(name, "GBK file decodes as UTF-8")
        except UnicodeDecodeError:
            pass
        try:
            text = data.decode("gbk")
        except UnicodeDecodeError as e:
            ck.err(name, "does not decode as GBK: %s" % e)
            return None
        if b"\n" not in data or data.count(b"\n") != data.count(b"\r\n"):
            ck.err(name, "GBK file must use CRLF line ends")
        return text.replace("\r\n", "\n")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        ck.err(name, "does not decode as UTF-8: %s" % e)
        return None
    if text.startswith("\ufeff"):
        ck.err(name, "unexpected BOM")
    if fmt == "txt" and "\r" in text:
        ck.err(name, "UTF-8 txt must use LF line ends")
    return text


def opening_of(ck, name, fmt, text):
    """Return the part whose length is measured (the article for html)."""
    if fmt != "html":
        return text
    m = CONTAINER_RE.search(text)
    if not m:
        ck.err(name, "html article container not found")
        return ""
    return strip_tags(m.group(1))


def check_html_chrome(ck, name, text):
    req = [
        ("<title>", r"<title>[^<]+</title>"),
        ("charset", r'charset="?(?:utf-8|UTF-8)'),
        ("masthead", r'class="(?:logo|site_name|logo-text)"'),
        ("date line", r"今天是\d{4}年\d{1,2}月\d{1,2}日 星期[一二三四五六日]"),
        ("breadcrumb", r"(?:当前位置|您当前的位置|您所在的位置)：<a href=\"/\">首页</a>"),
        ("publish time", r"(?:发布时间|发布日期)：\d{4}-\d{2}-\d{2}"),
        ("source", r"(?:来源|信息来源)："),
        ("views", r"(?:浏览次数|阅读次数)："),
        ("footer", r"网站标识码：\d+"),
        ("icp", r"ICP备\d+号"),
    ]
    for label, pat in req:
        if not re.search(pat, text):
            ck.err(name, "html chrome missing: " + label)


def year_written(text, y):
    return (re.search(r"(?<!\d)%d年" % y, text) is not None) or (cn_year(y) + "年") in text


def date_shown(text, d):
    y, m, dd = d.year, d.month, d.day
    forms = [d.isoformat(), "%d年%d月%d日" % (y, m, dd)]
    cy = cn_year(y)
    from generate import cn_num
    forms.append("%s年%s月%s日" % (cy, cn_num(m), cn_num(dd)))
    return any(f in text for f in forms)


def check(root):
    ck = Checker()
    gp = os.path.join(root, "gold.json")
    try:
        with open(gp, encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa: BLE001
        print("cannot read gold.json: %s" % e)
        return 1
    if set(gold) != {"schema_version", "documents"}:
        ck.err("gold", "top-level keys %s" % sorted(gold))
    if gold.get("schema_version") != 1:
        ck.err("gold", "schema_version must be 1")
    docs = gold.get("documents", [])
    if len(docs) != 120:
        ck.err("gold", "expected 120 documents, got %d" % len(docs))
    expected = set()
    seen = set()
    provinces = set()
    for i, d in enumerate(docs):
        where = d.get("file", "doc#%d" % i)
        if set(d) != DOC_KEYS:
            ck.err(where, "keys %s" % sorted(d))
            continue
        fn, fmt = d["file"], d["format"]
        if fn in seen:
            ck.err(where, "duplicate file")
        seen.add(fn)
        if fmt not in FORMATS:
            ck.err(where, "bad format %r" % fmt)
            continue
        if not re.fullmatch(r"r_\d{3}\.(txt|html)", fn) or not fn.endswith(FORMATS[fmt]):
            ck.err(where, "file name does not match format")
        expected.add(fn)
        if not isinstance(d["category"], str) or not d["category"]:
            ck.err(where, "category")
        if not isinstance(d["traps"], list) or any(t not in TRAP_ORDER for t in d["traps"]) \
                or len(set(d["traps"])) != len(d["traps"]):
            ck.err(where, "bad traps %r" % d["traps"])
        if d["mechanisms"] != []:
            ck.err(where, "mechanisms must be []")
        if not isinstance(d["truncated"], bool):
            ck.err(where, "truncated must be bool")
        if not isinstance(d["issuer"], str) or not d["issuer"]:
            ck.err(where, "issuer")
        y = d["year"]
        if not isinstance(y, int) or isinstance(y, bool) or not 2016 <= y <= 2025:
            ck.err(where, "year out of range: %r" % y)
            continue
        pub = d["published"]
        pdate = None
        if pub is not None:
            try:
                pdate = datetime.date.fromisoformat(pub)
            except (TypeError, ValueError):
                ck.err(where, "bad published %r" % pub)
            if pdate and pdate.year not in (y, y + 1):
                ck.err(where, "published %s not in report year or the next" % pub)
        rg = d["region"]
        if not isinstance(rg, dict) or set(rg) != REGION_KEYS:
            ck.err(where, "region keys")
            continue
        lvl, prov, code, city = rg["level"], rg["province"], rg["adcode"], rg["city"]
        if lvl not in LEVELS:
            ck.err(where, "bad level %r" % lvl)
        if prov not in PROV_CODES:
            ck.err(where, "unknown province %r" % prov)
        else:
            provinces.add(prov)
            if not rg["full_name"].startswith(prov):
                ck.err(where, "full_name does not start with province")
        if not rg["full_name"].endswith(rg["name"]) and not (lvl == "zone"):
            ck.err(where, "full_name does not end with name")
        if city is not None:
            if not isinstance(city, str) or city not in rg["full_name"]:
                ck.err(where, "city not in full_name")
        if lvl == "province" and city is not None:
            ck.err(where, "province-level region must have city null")
        if prov in MUNICIPALITIES and city is not None:
            ck.err(where, "municipality units must have city null")
        if lvl == "zone":
            if code is not None:
                ck.err(where, "zones must have adcode null")
        else:
            if not isinstance(code, int) or isinstance(code, bool) or not 100000 <= code <= 999999:
                ck.err(where, "adcode must be a 6-digit int")
            elif prov in PROV_CODES and code // 10000 != PROV_CODES[prov] // 10000:
                ck.err(where, "adcode %d not in province %s" % (code, prov))
            elif lvl == "province" and code != PROV_CODES[prov]:
                ck.err(where, "province adcode")
            elif lvl == "city" and (code % 100 != 0 or code % 10000 == 0):
                ck.err(where, "city adcode should end in 00")
            elif lvl in ("county", "district", "town", "subdistrict") and code % 100 == 0 \
                    and code != 441900:
                ck.err(where, "county-level adcode should not end in 00")
        # ---------------------------------------------------------- the file
        path = os.path.join(root, fn)
        if not os.path.isfile(path):
            ck.err(where, "file missing")
            continue
        with open(path, "rb") as f:
            data = f.read()
        text = decode(ck, path, fmt, data)
        if text is None:
            continue
        body = opening_of(ck, fn, fmt, text)
        n = len(HAN_RE.findall(body))
        if not 150 <= n <= 450:
            ck.err(fn, "opening length %d CJK characters outside 150-450" % n)
        if not year_written(text, y):
            ck.err(fn, "report year %d not written in the text" % y)
        if fmt == "html":
            check_html_chrome(ck, fn, text)
            if "title-only-in-html-title" in d["traps"]:
                if re.search(r'class="(?:article-title|xl_title|title)"', text):
                    ck.err(fn, "title-only trap but article heading present")
                t = re.search(r"<title>([^<]+)</title>", text)
                if not t or not year_written(t.group(1), y):
                    ck.err(fn, "title-only trap but <title> lacks the year")
        end = body.rstrip()
        if d["truncated"]:
            if end.endswith("。"):
                ck.err(fn, "truncated opening ends with 。")
        else:
            if not end.endswith("。"):
                ck.err(fn, "non-truncated opening should end with 。")
        if pdate and not date_shown(text, pdate):
            ck.err(fn, "published date %s not shown in the file" % pub)
        if "no-title" in d["traps"] and fmt == "html":
            ck.err(fn, "no-title trap is for txt")
        if "chinese-numeral-year" in d["traps"] and (cn_year(y) + "年") not in text:
            ck.err(fn, "chinese-numeral-year trap but no such year")
        if "joint-issuer" in d["traps"] and "中共" not in text:
            ck.err(fn, "joint-issuer trap but no 中共")
    actual = set(x for x in os.listdir(root) if re.fullmatch(r"r_\d{3}\.(txt|html)", x))
    if actual != expected:
        ck.err("files", "on disk but not in gold: %s; in gold but missing: %s"
               % (sorted(actual - expected), sorted(expected - actual)))
    if expected != set("r_%03d.%s" % (i, e) for i in range(1, 121) for e in ("txt", "html")) & expected \
            or len(expected) != 120:
        ck.err("files", "file numbering is not r_001..r_120")
    missing = set(PROV_CODES) - provinces
    if missing:
        ck.err("coverage", "province-level units missing: %s" % sorted(missing))
    return ck


def reproduce(root):
    scratch = os.path.join(root, ".reproduce_tmp")
    if os.path.exists(scratch):
        shutil.rmtree(scratch)
    try:
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", scratch],
                       check=True, stdout=subprocess.DEVNULL)
        names = sorted(os.listdir(scratch))
        bad = []
        for nm in names:
            with open(os.path.join(scratch, nm), "rb") as f:
                a = f.read()
            p = os.path.join(root, nm)
            if not os.path.isfile(p):
                bad.append(nm + " (missing)")
                continue
            with open(p, "rb") as f:
                if f.read() != a:
                    bad.append(nm)
        return names, bad
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=os.path.dirname(HERE))
    ap.add_argument("--reproduce", action="store_true")
    a = ap.parse_args()
    ck = check(a.dir)
    if isinstance(ck, int):
        return ck
    if a.reproduce:
        names, bad = reproduce(a.dir)
        if bad:
            ck.err("reproduce", "differs: %s" % ", ".join(bad))
        else:
            print("reproduce: %d files byte-identical" % len(names))
    for e in ck.errors:
        print("ERROR", e)
    print("%s: %d error(s)" % ("FAIL" if ck.errors else "OK", len(ck.errors)))
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main())
