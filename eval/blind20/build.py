#!/usr/bin/env python3
"""Build the blind evaluation set from annotated sources in src/.

Source format (UTF-8):
    ---
    {json metadata}
    ---
    body lines
Inline markup in body:
    {{surface|canonical}}      mechanism mention (canonical defaults to surface)
    {{surface|canonical|L}}    same, flagged as local/invented (for README stats only)
    [[text]]                   distractor
Part markers (own line):  @PROB  shortcomings start   @PLAN  plan part start
                          @SIG   signature (no mentions allowed)   @ADOPT back to achievements
Status of a canonical = strongest of its mentions (adopted > planned > problem).
"""
import json, re, random, pathlib, datetime

ROOT = pathlib.Path(__file__).resolve().parent
SRC = ROOT / "src"
SEED = 2020
MARK = re.compile(r"\{\{([^{}|]+)(?:\|([^{}|]+))?(?:\|(L))?\}\}|\[\[([^\[\]]+)\]\]")
RANK = {"adopted": 3, "planned": 2, "problem": 1}
WEEK = "一二三四五六日"


def parse(path):
    raw = path.read_text("utf-8")
    _, meta, body = raw.split("---\n", 2)
    meta = json.loads(meta)
    status = "adopted"
    out, mechs, dis, local = [], {}, [], set()
    for line in body.strip("\n").split("\n"):
        s = line.strip()
        if s in ("@PROB", "@PLAN", "@SIG", "@ADOPT"):
            status = {"@PROB": "problem", "@PLAN": "planned", "@SIG": None, "@ADOPT": "adopted"}[s]
            continue
        def rep(m):
            if m.group(4):
                if m.group(4) not in dis:
                    dis.append(m.group(4))
                return m.group(4)
            surf, canon = m.group(1), (m.group(2) or m.group(1)).strip()
            if surf.count("“") != surf.count("”") or any(q in canon for q in "“”‘’"):
                raise SystemExit(f"{path.name}: quote problem in {surf}|{canon}")
            if status is None:
                raise SystemExit(f"{path.name}: mention in signature: {surf}")
            e = mechs.setdefault(canon, {"canonical": canon, "surface": [], "status": status})
            if surf not in e["surface"]:
                e["surface"].append(surf)
            if RANK[status] > RANK[e["status"]]:
                e["status"] = status
            if m.group(3):
                local.add(canon)
            return surf
        t = MARK.sub(rep, line)
        if "{{" in t or "}}" in t or "[[" in t or "]]" in t or "|" in t:
            raise SystemExit(f"{path.name}: broken markup: {t[:60]}")
        out.append(t)
    return meta, [l for l in out], list(mechs.values()), dis, local


def render_html(meta, title, paras):
    h = meta["html"]
    saved = datetime.date.fromisoformat(h["saved"])
    today = f"{saved.year}年{saved.month}月{saved.day}日 星期{WEEK[saved.weekday()]}"
    nav = "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(h["nav"]))
    crumb = " &gt; ".join(f'<a href="/">{c}</a>' for c in h["crumb"])
    body = "\n".join(f'<p style="text-indent:2em;">{p}</p>' if p.strip() else "" for p in paras)
    pager = ""
    if h.get("pages"):
        cur, tot = h["pages"]
        pager = (f'<div class="page">共{tot}页&nbsp;&nbsp;第{cur}页&nbsp;&nbsp;'
                 f'<a href="#">上一页</a>&nbsp;<a href="#">1</a>&nbsp;<a href="#">2</a>&nbsp;'
                 f'<a href="#">下一页</a>&nbsp;<a href="#">尾页</a></div>')
    pub = meta.get("published") or ""
    pubtime = f'{pub} {h.get("time", "09:30")}' if pub else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title}_{h['site']}</title>
<meta name="SiteName" content="{h['site']}" />
<meta name="SiteDomain" content="{h['host']}" />
<meta name="SiteIDCode" content="{h['code']}" />
<meta name="ArticleTitle" content="{title}" />
<meta name="PubDate" content="{pubtime}" />
<meta name="ContentSource" content="{h['source']}" />
<link rel="stylesheet" type="text/css" href="/images/style.css" />
</head>
<body>
<div class="top"><div class="w1200"><span class="date">今天是：{today}</span><span class="toplink"><a href="#">无障碍浏览</a> | <a href="#">长者模式</a> | <a href="#">English</a> | <a href="#">设为首页</a> | <a href="#">加入收藏</a></span></div></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="{h['site']}" /></div>
<div class="search"><input type="text" value="请输入关键字" /><input type="button" value="搜索" /></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li>{nav}</ul></div>
<div class="w1200 position">您当前的位置：{crumb} &gt; 正文</div>
<div class="w1200 article">
<h1 class="title">{title}</h1>
<div class="info">发布时间：{pubtime}&nbsp;&nbsp;&nbsp;来源：{h['source']}&nbsp;&nbsp;&nbsp;浏览次数：{h['views']}&nbsp;&nbsp;&nbsp;字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="content" id="zoom">
<meta name="ContentStart">
{body}
<meta name="ContentEnd">
</div>
{pager}
<div class="tools"><a href="javascript:window.print()">【打印本页】</a>&nbsp;&nbsp;<a href="javascript:window.close()">【关闭窗口】</a>&nbsp;&nbsp;<a href="#">【我要纠错】</a></div>
</div>
<div class="footer"><div class="w1200">
<p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">使用帮助</a> | <a href="#">隐私声明</a></p>
<p>主办：{h['host_org']}&nbsp;&nbsp;承办：{h['undertake']}</p>
<p>网站标识码：{h['code']}&nbsp;&nbsp;<a href="https://beian.miit.gov.cn/">{h['icp']}</a>&nbsp;&nbsp;<img src="/images/ga.png" />{h['ga']}</p>
<p>建议使用1366×768分辨率 IE9以上版本浏览器浏览本站</p>
</div></div>
</body>
</html>
"""


def main():
    for old in ROOT.glob("n_*.*"):
        old.unlink()
    srcs = sorted(SRC.glob("*.src"))
    rng = random.Random(SEED)
    order = list(srcs)
    rng.shuffle(order)
    docs, table, locals_ = [], [], {}
    for i, p in enumerate(order, 1):
        meta, lines, mechs, dis, local = parse(p)
        fmt = meta["format"]
        ext = "html" if fmt == "html" else "txt"
        name = f"n_{i:02d}.{ext}"
        title = meta.get("title")
        for l in lines:
            if any(c in l for c in "<>&"):
                raise SystemExit(f"{p.name}: html-special char in text")
        if fmt == "html":
            text = render_html(meta, title, lines)
            data = text.encode("utf-8")
        else:
            body = ([title, ""] if title else []) + lines
            text = "\n".join(body).rstrip("\n") + ("" if meta["truncated"] else "\n")
            if fmt == "txt-gbk":
                data = text.replace("\n", "\r\n").encode("gbk")
            else:
                data = text.encode("utf-8")
        (ROOT / name).write_bytes(data)
        body_text = "".join(lines)
        cjk = sum(1 for c in body_text + (title or "") if "\u4e00" <= c <= "\u9fff")
        docs.append({
            "file": name, "category": meta["category"], "format": fmt, "region": meta["region"],
            "issuer": meta["issuer"], "year": meta["year"], "published": meta.get("published"),
            "truncated": meta["truncated"], "has_title": bool(title),
            "mechanisms": mechs, "distractors": dis,
        })
        for m in mechs:
            locals_.setdefault(m["canonical"], False)
            if m["canonical"] in local:
                locals_[m["canonical"]] = True
        table.append((name, meta["category"], meta["region"]["name"], meta["region"]["province"],
                      meta["issuer"], meta["year"], fmt, meta["truncated"], meta.get("kind"),
                      title or "（无标题，以开篇段起）", len(mechs), cjk, p.name))
    docs.sort(key=lambda d: d["file"])
    (ROOT / "gold.json").write_text(json.dumps({"schema_version": 1, "documents": docs},
                                               ensure_ascii=False, indent=1), "utf-8")
    table.sort()
    (ROOT / "composition.json").write_text(json.dumps(table, ensure_ascii=False, indent=0), "utf-8")
    # local share (by mention entries)
    n_ent = sum(len(d["mechanisms"]) for d in docs)
    n_loc = sum(1 for d in docs for m in d["mechanisms"] if locals_.get(m["canonical"]))
    write_readme(docs, table, n_ent, n_loc)
    print(f"built {len(docs)} docs; mechanism entries {n_ent}; local entries {n_loc} ({n_loc/max(n_ent,1):.1%})")
    (ROOT / ".local_canonicals.json").write_text(json.dumps(sorted(k for k, v in locals_.items() if v), ensure_ascii=False), "utf-8")


def write_readme(docs, table, n_ent, n_loc):
    import collections
    st = collections.Counter(m["status"] for d in docs for m in d["mechanisms"])
    cd = collections.defaultdict(set)
    for d in docs:
        for m in d["mechanisms"]:
            cd[m["canonical"]].add(d["file"])
    single = sum(1 for v in cd.values() if len(v) == 1)
    fm = collections.Counter(d["format"] for d in docs)
    kinds = collections.Counter(r[8] for r in table)
    provs = {r[3] for r in table}
    out = [(ROOT / "readme_head.md").read_text("utf-8"), "\n## Composition\n",
           f"{len(docs)} documents ({kinds['opening']} openings, {kinds['full']} complete reports), "
           f"{len(provs)} provinces, formats {dict(fm)}. Mechanism entries: {n_ent} "
           f"(adopted {st['adopted']}, planned {st['planned']}, problem {st['problem']}); "
           f"distinct canonicals {len(cd)}, single-document canonicals {single} ({single/len(cd):.1%}); "
           f"entries whose canonical is local/invented: {n_loc} ({n_loc/n_ent:.1%}); "
           f"distractors {sum(len(d['distractors']) for d in docs)}.\n",
           "| file | category | region | province | issuer | year | format | kind | truncated | CJK | #mech | title |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in table:
        out.append(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} | {r[8]} | {str(r[7]).lower()} | {r[11]} | {r[10]} | {r[9]} |")
    out.append("\nCJK = Han characters of title + body (html: without page chrome). Source file of each document is in `composition.json` (last column).\n")
    (ROOT / "README.md").write_text("\n".join(out), "utf-8")


if __name__ == "__main__":
    main()
