#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate the regions2 blind evaluation set.

    python3 tools/generate.py            # writes r_001..r_120 (.txt/.html) and gold.json next to tools/

Standard library only; fully determined by SEED and tools/entries.py.
"""
import datetime
import html
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from entries import ENTRIES  # noqa: E402

SEED = 20261204
N_NOTITLE = 14
N_CHINESE = 12
N_BODYYEAR = 12
N_GBK = 10
N_HTML = 10
N_BOM = 3

CN = "〇一二三四五六七八九"
WEEK = "一二三四五六日"
CJK = re.compile(r"[\u3007\u4e00-\u9fff]")


def cn_year(y, zero="〇"):
    return "".join(CN[int(c)] for c in str(y)).replace("〇", zero)


def cjk_len(s):
    return len(CJK.findall(s))


# --------------------------------------------------------------------------- wording by year
def ideo(y):
    return {
        2016: "深入贯彻党的十八大和十八届三中、四中、五中、六中全会精神",
        2017: "认真学习宣传贯彻党的十九大精神",
        2018: "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届二中、三中全会精神",
        2019: "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届二中、三中、四中全会精神",
        2020: "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想和党的十九届五中全会精神",
        2021: "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面贯彻党的十九届六中全会精神",
        2022: "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神和习近平法治思想",
        2023: "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中全会精神，深入学习贯彻习近平法治思想",
        2024: "坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届二中、三中全会精神，全面贯彻习近平法治思想",
        2025: "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届历次全会精神，深入学习贯彻习近平法治思想",
    }[y]


def gang(y):
    return "《法治政府建设实施纲要（2015—2020年）》" if y <= 2020 else "《法治政府建设实施纲要（2021—2025年）》"


def milestone(y):
    return {
        2016: "“十三五”规划的开局之年",
        2017: "党的十九大胜利召开之年",
        2018: "全面贯彻落实党的十九大精神的开局之年",
        2019: "新中国成立70周年",
        2020: "全面建成小康社会和“十三五”规划收官之年",
        2021: "中国共产党成立100周年，也是“十四五”规划开局之年",
        2022: "党的二十大胜利召开之年",
        2023: "全面贯彻落实党的二十大精神的开局之年",
        2024: "新中国成立75周年，也是实现“十四五”规划目标任务的关键一年",
        2025: "“十四五”规划收官之年",
    }[y]


def pufa(y):
    return "七五" if y <= 2020 else "八五"


WE = {"省": ("我省", "省政府"), "自治区": ("全区", "自治区人民政府"), "直辖市": ("全市", "市政府"),
      "市": ("我市", "市政府"), "州": ("我州", "州政府"), "地区": ("全地区", "行署"), "盟": ("全盟", "盟行署"),
      "区": ("我区", "区政府"), "县": ("我县", "县政府"), "旗": ("我旗", "旗政府"), "镇": ("我镇", "镇政府"),
      "乡": ("我乡", "乡政府"), "苏木": ("我苏木", "苏木人民政府"), "街道": ("我街道", "街道办事处"),
      "园区": ("园区", "园区管委会"), "新区": ("新区", "新区管委会"), "开发区": ("开发区", "开发区管委会"),
      "局": ("我局", "局党组"), "厅": ("我厅", "厅党组")}

FOCUS = ["持续深化“放管服”改革", "着力优化法治化营商环境", "全面提升依法行政能力和水平",
         "推动严格规范公正文明执法", "统筹推进法治政府建设示范创建", "加快建设职能科学、权责法定的法治政府"]

# Items: (heading, text, {placeholder: (lo, hi, exponent of the level multiplier)}).
# Percentages: p = rate 90-100 %, r = rate 95-99.9 %, q = 1-9 percentage points.
GENERIC = [
    ("加强党对法治政府建设的领导", "{meet}专题研究法治政府建设工作{k}次，主要负责同志认真履行推进法治建设第一责任人职责，将法治政府建设纳入年度绩效考核。",
     {"k": (2, 8, 0)}),
    ("深化“放管服”改革", "全年共取消和下放行政权力事项{a}项，政务服务事项网上可办率达到{p}%，较{P}年提高{q}个百分点。",
     {"a": (8, 60, 0.5)}),
    ("健全依法决策机制", "严格落实重大行政决策程序，对{a}项重大行政决策事项开展合法性审查，合法性审查率达100%。",
     {"a": (3, 20, 0.5)}),
    ("加强行政规范性文件监督管理", "全年审核行政规范性文件{a}件，备案{b}件，清理规范性文件{c}件，其中废止{d}件、修改{e}件。",
     {"a": (12, 80, 0.8), "b": (5, 30, 0.8), "c": (60, 400, 0.8), "d": (3, 30, 0.5), "e": (2, 20, 0.5)}),
    ("严格规范公正文明执法", "全面推行行政执法“三项制度”，全年办理行政处罚案件{a}件，评查行政执法案卷{b}卷，案卷合格率{p}%。",
     {"a": (300, 5000, 1), "b": (50, 600, 0.5)}),
    ("强化行政权力制约监督", "自觉接受人大监督和政协民主监督，办理人大代表建议{a}件、政协委员提案{b}件，办结率100%。",
     {"a": (40, 300, 0.7), "b": (30, 260, 0.7)}),
    ("依法有效化解社会矛盾纠纷", "办理行政复议案件{a}件，行政应诉案件{b}件，行政机关负责人出庭应诉率{p}%；调解各类矛盾纠纷{c}件，调解成功率{r}%。",
     {"a": (10, 200, 1), "b": (5, 150, 1), "c": (300, 8000, 1)}),
    ("深入开展法治宣传教育", "扎实推进“{pf}”普法，组织开展法治宣传活动{a}场次，受教育群众{w}万人次。",
     {"a": (50, 600, 0.8), "w": (1, 30, 1)}),
    ("全面推进政务公开", "全年主动公开政府信息{a}条，办理政府信息公开申请{b}件，均在法定期限内答复。",
     {"a": (500, 8000, 0.8), "b": (5, 300, 1)}),
]
DEPT = {
    "司法": ("统筹推进法治政府建设", "牵头开展法治政府建设示范创建和督察，审查政府合同{b}件、重大行政决策事项{c}件，培训行政执法人员{a}人次。",
           {"a": (200, 3000, 0.8), "b": (20, 300, 0.5), "c": (5, 40, 0.3)}),
    "税务": ("深化税收征管改革", "不折不扣落实减税降费政策，全年新增减税降费及退税缓费{c}亿元，办理涉税行政许可{a}件，“非接触式”办税率达{p}%。",
           {"c": (2, 20, 1.4), "a": (500, 20000, 1)}),
    "公安": ("规范公安执法权力运行", "全年受理行政案件{a}起，依法查处{b}起，开展执法质量考评{c}次，执法办案管理中心实现全覆盖。",
           {"a": (4000, 60000, 1), "b": (2000, 3900, 1), "c": (2, 12, 0)}),
    "市场监管": ("强化市场监管执法", "全年查处各类违法案件{a}件，罚没款{b}万元，“双随机、一公开”抽查覆盖率{p}%。",
             {"a": (100, 3000, 1), "b": (100, 5000, 1)}),
    "自然资源": ("严格自然资源执法", "办理不动产登记{a}件，立案查处违法用地案件{c}件，涉及土地面积{b}亩。",
             {"a": (5000, 80000, 1), "c": (10, 300, 1), "b": (100, 5000, 1)}),
    "生态环境": ("依法推进污染防治攻坚", "办理环境行政处罚案件{c}件，罚款{b}万元，环境信访办结率{p}%。",
             {"c": (20, 400, 1), "b": (100, 3000, 1)}),
    "人社": ("依法保障劳动者合法权益", "受理劳动人事争议案件{a}件，结案率{p}%，为劳动者追讨拖欠工资{b}万元。",
           {"a": (300, 5000, 1), "b": (500, 20000, 1)}),
    "应急": ("依法开展安全生产执法", "全年检查生产经营单位{a}家次，排查整治安全隐患{b}项，实施行政处罚{c}起。",
           {"a": (1000, 20000, 1), "b": (2000, 50000, 1), "c": (20, 500, 1)}),
    "交通": ("规范交通运输执法", "全年检查营运车辆{a}台次，查处违法违规行为{c}起，执法案卷合格率{p}%。",
           {"a": (2000, 30000, 1), "c": (100, 2000, 1)}),
}
TOWN = [
    ("推进基层依法治理", "建成村（社区）法律服务工作室{c}个，培育“法律明白人”{a}名，{d}个村（社区）创成民主法治示范村（社区）。",
     {"c": (5, 40, 0), "a": (30, 300, 0), "d": (1, 10, 0)}),
    ("规范基层综合行政执法", "承接上级下放的行政执法事项{a}项，组建综合行政执法队伍，全年办理执法案件{b}件。",
     {"a": (50, 300, 0), "b": (10, 200, 0)}),
]
TOWN_DISPUTE = ("坚持和发展新时代“枫桥经验”", "调解各类矛盾纠纷{c}件，调解成功率{r}%，化解信访积案{d}件，全年未发生因调处不当引发的群体性事件。",
                {"c": (80, 900, 0), "d": (2, 20, 0)})
ZONE = [
    ("持续优化营商环境", "全年新设市场主体{a}户，企业开办实现“一日办结”，“证照分离”改革全覆盖。",
     {"a": (500, 20000, 0)}),
    ("推进相对集中行政许可权改革", "集中行使行政许可事项{c}项，政务服务事项网上可办率{p}%。",
     {"c": (50, 400, 0), "p": (0, 0, 0)}),
]
MULT = {"province": 10.0, "prefecture": 3.0, "county": 1.0, "town": 0.25, "zone": 0.6}


def figs(rng, spec, m):
    f = dict(p="%.1f" % rng.uniform(90, 99.9), r="%.1f" % rng.uniform(95, 99.9), q="%.1f" % rng.uniform(1, 9))
    for key, (lo, hi, ex) in spec.items():
        if key == "p":
            continue
        f[key] = max(1, int(round(rng.randint(lo, hi) * m ** ex)))
    if "b" in f and "a" in f and spec is DEPT["公安"][2]:
        f["b"] = int(f["a"] * rng.uniform(0.6, 0.95))
    return f


# --------------------------------------------------------------------------- feature assignment
def assign_features(rng):
    n = len(ENTRIES)
    idx = list(range(n))
    rng.shuffle(idx)
    year_style = ["arabic"] * n
    for i in idx[:N_NOTITLE]:
        year_style[i] = "notitle"
    for i in idx[N_NOTITLE:N_NOTITLE + N_CHINESE]:
        year_style[i] = "chinese"
    for i in idx[N_NOTITLE + N_CHINESE:N_NOTITLE + N_CHINESE + N_BODYYEAR]:
        year_style[i] = "bodyyear"
    fmt = ["txt-utf8"] * n
    titled = [i for i in range(n) if year_style[i] != "notitle"]
    rng.shuffle(titled)
    for i in titled[:N_HTML]:
        fmt[i] = "html"
    txt = [i for i in range(n) if fmt[i] == "txt-utf8"]
    rng.shuffle(txt)
    for i in txt[:N_GBK]:
        fmt[i] = "txt-gbk"
    bom = set(txt[N_GBK:N_GBK + N_BOM])
    feats = []
    for i in range(n):
        f = dict(year_style=year_style[i], fmt=fmt[i], bom=i in bom)
        if fmt[i] == "html":
            f["chrome"] = rng.choice(["A", "B", "C", "D"])
        elif year_style[i] == "notitle":
            f["chrome"] = "S" if rng.random() < 0.25 else None
        else:
            f["chrome"] = rng.choice(["A", "B", "C", "D", "E"]) if rng.random() < 0.55 else None
        f["today"] = f["chrome"] in ("A", "B", "D") and rng.random() < (0.6 if f["chrome"] == "B" else 0.25)
        if f["chrome"] == "B":
            f["today"] = True
        f["addressed"] = rng.random() < (0.45 if year_style[i] == "notitle" else 0.15)
        feats.append(f)
    return feats


# --------------------------------------------------------------------------- pieces
def meeting(e):
    k = e["kind"]
    if k in ("局", "厅"):
        return WE[k][1] + "会议"
    if k in ("镇", "乡", "苏木"):
        return k + "党委会议"
    if k == "街道":
        return "街道党工委会议"
    if k in ("园区", "新区", "开发区"):
        return "管委会主任办公会议"
    return WE[k][1] + "常务会议"


def region_label(e):
    """How the region itself is written (short form if the document uses one)."""
    return e.get("short") or e["name"]


def site_name(e, rng):
    if e.get("host"):
        return e["host"]
    cat = e["cat"]
    if cat in ("town", "township", "sumu", "subdistrict"):
        return e["sup_gov"]
    if cat == "zone":
        return e["issuer"] if "管理委员会" in e["issuer"] else e["name"] + "管理委员会"
    if cat.startswith("department"):
        return e["issuer"] if rng.random() < 0.5 else e["sup_gov"]
    if e["issuer"].endswith("人民政府") or e["issuer"].endswith("行政公署"):
        base = e["issuer"]
        if cat == "district" and e["city"] and not base.startswith(e["city"]):
            base = e["city"] + base
        return base
    return e["issuer"]


def source_of(e, rng):
    r = rng.random()
    if e["cat"].startswith("department") or e["cat"] == "zone":
        return e["issuer"] if r < 0.75 else "办公室"
    if r < 0.55:
        return e["issuer"]
    if r < 0.8 and e["cat"] not in ("town", "township", "sumu", "subdistrict", "province"):
        # 法治政府建设报告常由司法行政部门报送、发布
        lab = region_label(e)
        if e["cat"] in ("prefecture",) and e["kind"] in ("地区", "盟"):
            lab = e["name"]
        return lab + "司法局"
    if r < 0.9:
        return "本网"
    return {"省": "省政府办公厅", "自治区": "自治区人民政府办公厅", "直辖市": "市政府办公厅"}.get(
        e["kind"], WE[e["kind"]][1] + "办公室" if e["kind"] not in ("镇", "乡", "苏木", "街道") else "党政办公室")


def pub_date(e, rng):
    y = e["year"] + 1
    r = rng.random()
    if r < 0.8:
        d = datetime.date(y, 1, 10) + datetime.timedelta(days=rng.randint(0, 110))
    elif r < 0.92:
        d = datetime.date(y, 5, 1) + datetime.timedelta(days=rng.randint(0, 150))
    else:  # posted late: two years after the report year
        d = datetime.date(y + 1, 2, 1) + datetime.timedelta(days=rng.randint(0, 60))
    return d, "%02d:%02d" % (rng.randint(8, 18), rng.randint(0, 59))


def today_date(e, pub, rng):
    lo = pub + datetime.timedelta(days=3)
    hi = datetime.date(2026, 11, 30)
    for _ in range(50):
        d = lo + datetime.timedelta(days=rng.randint(0, max(0, (hi - lo).days)))
        if d.year != e["year"]:
            return d
    return hi


def make_title(e, style, rng):
    iss, Y = e["issuer"], e["year"]
    if style == "arabic":
        t = rng.choice(["{i}{Y}年法治政府建设情况报告", "{i}关于{Y}年度法治政府建设工作情况的报告",
                        "{Y}年{i}法治政府建设年度报告", "{i}{Y}年度法治政府建设年度报告",
                        "关于{i}{Y}年法治政府建设情况的报告", "{i}{Y}年度法治政府建设工作报告"])
        return t.format(i=iss, Y=Y)
    if style == "chinese":
        z = rng.choice(["〇", "〇", "○", "零"])
        t = rng.choice(["{i}{C}年法治政府建设情况报告", "{i}关于{C}年度法治政府建设情况的报告",
                        "{C}年度{i}法治政府建设情况报告", "{i}{C}年度法治政府建设年度报告"])
        return t.format(i=iss, C=cn_year(Y, z))
    if style == "bodyyear":
        t = rng.choice(["{i}关于法治政府建设工作情况的报告", "{i}法治政府建设年度报告",
                        "{i}关于上一年度法治政府建设情况的报告", "{i}年度法治政府建设情况报告",
                        "{i}关于法治政府建设年度工作情况的报告"])
        return t.format(i=iss)
    return None


def subject(e, rng, first):
    we, gov = WE[e["kind"]]
    if first:
        return e["issuer"]
    opts = [we, we, gov, e["issuer"]]
    if e.get("short") and not e["cat"].startswith("department"):
        opts.append(e["short"])
    return rng.choice(opts)


def body_paras(e, style, rng):
    Y = e["year"]
    we, gov = WE[e["kind"]]
    paras = []
    subj = subject(e, rng, first=(style == "notitle"))
    sup = e["sup"]
    foc = rng.choice(FOCUS)
    if style == "chinese":
        intro = rng.choice([
            "一年来，{s}在{sup}的坚强领导下，{ideo}，全面贯彻落实{g}，{foc}，法治政府建设迈出新步伐。现将有关情况报告如下：",
            "过去一年，{s}{ideo}，紧紧围绕{sup}决策部署，{foc}，各项工作在法治轨道上有序推进。现将有关情况报告如下：",
        ])
    else:
        intro = rng.choice([
            "{Y}年，{s}在{sup}的坚强领导下，{ideo}，全面贯彻落实{g}，{foc}，法治政府建设各项工作取得明显成效。现将有关情况报告如下：",
            "{Y}年是{ms}。{s}{ideo}，紧紧围绕{sup}决策部署，{foc}，扎实推进依法行政。现将{Y}年度法治政府建设情况报告如下：",
            "{Y}年，{s}认真落实{g}，贯彻{sup}工作部署，{ideo}，把法治政府建设摆在全局工作的重要位置，统筹推进、一体建设。现将有关工作情况报告如下：",
        ])
    paras.append(intro.format(Y=Y, s=subj, sup=sup, ideo=ideo(Y), g=gang(Y), foc=foc, ms=milestone(Y)))
    if e.get("extra"):
        paras.append(e["extra"].format(Y=Y))
    head = "一、推进法治政府建设的主要举措和成效" if style == "chinese" else rng.choice(
        ["一、{Y}年推进法治政府建设的主要举措和成效", "一、主要举措和成效", "一、{Y}年度法治政府建设工作开展情况"]).format(Y=Y)
    paras.append(head)
    low = e["cat"] in ("town", "township", "sumu", "subdistrict")
    skip = set()
    if e["cat"] == "zone":
        skip = {"强化行政权力制约监督"}
    if low:
        skip = {"强化行政权力制约监督", "深化“放管服”改革", "加强行政规范性文件监督管理", "依法有效化解社会矛盾纠纷"}
    pool = [it for it in GENERIC if it[0] not in skip]
    if low:
        pool.append(TOWN_DISPUTE)
    rng.shuffle(pool)
    items = []
    if e.get("dept"):
        items.append(DEPT[e["dept"]])
    if e["cat"] in ("town", "township", "sumu", "subdistrict"):
        items.append(rng.choice(TOWN))
    if e["cat"] == "zone":
        items.append(rng.choice(ZONE))
    items = [items[0]] + pool[:5] if items else pool[:6]
    nums = "一二三四五六七"
    for k, (h, d, spec) in enumerate(items):
        f = figs(rng, spec, MULT[e["level"]])
        f.update(meet=meeting(e), pf=pufa(Y), P=(Y - 1) if style != "chinese" else "上一")
        txt = d.format(**f)
        if e["cat"] == "subdistrict":
            txt = txt.replace("村（社区）", "社区")
        elif e["cat"] == "sumu":
            txt = txt.replace("村（社区）", "嘎查（社区）")
        paras.append("（%s）%s。%s" % (nums[k], h, txt))
    return paras


def truncate(paras, budget):
    """Keep paragraphs until `budget` CJK characters are used; cut the last one mid-sentence."""
    out, used = [], 0
    for p in paras:
        n = cjk_len(p)
        if used + n <= budget:
            out.append(p)
            used += n
            continue
        need = budget - used
        if need >= 8:
            cut, c = 0, 0
            for cut, ch in enumerate(p):
                if CJK.match(ch):
                    c += 1
                    if c == need:
                        break
            out.append(p[:cut + 1])
            used += need
        break
    return out, used


# --------------------------------------------------------------------------- rendering
def chrome_lines(e, f, title, pub, tm, src, site, today, rng):
    """Plain-text page chrome (as copied from a website)."""
    L = []
    ps = pub.isoformat() if pub else ""
    views = rng.randint(37, 9876)
    td = ""
    if today:
        td = "今天是%d年%d月%d日 星期%s" % (today.year, today.month, today.day, WEEK[today.weekday()])
    crumb = rng.choice(["首页 > 政务公开 > 法治政府建设", "首页 > 信息公开 > 法定主动公开内容 > 法治政府建设年度报告",
                        "当前位置：首页 > 政府信息公开 > 重点领域信息公开 > 法治政府建设",
                        "您当前的位置：首页 > 政务公开 > 年度报告"])
    c = f["chrome"]
    if c == "A":
        if td:
            L.append(td + "　　欢迎访问" + site + "！")
        L += [crumb, title, "发布时间：%s %s　　来源：%s　　浏览次数：%d" % (ps, tm, src, views), "【字体：大 中 小】【打印本页】【关闭窗口】", ""]
    elif c == "B":
        L += [td + "　　" + rng.choice(["无障碍浏览", "长者模式", "繁體版"]), site, "当前位置：" + crumb.split("：")[-1],
              title, "%s　　来源：%s　　【字号 大 中 小】" % (ps, src), ""]
    elif c == "C":
        idx = "%08d-%s/%d-%05d" % (rng.randint(0, 99999999), rng.choice("0123456789X"), pub.year, rng.randint(1, 3000))
        L += ["索 引 号：" + idx, "发布机构：" + src, "生成日期：" + ps, "主题分类：法治政府建设",
              "名　　称：" + title, "", title, ""]
    elif c == "D":
        if td:
            L.append(td)
        L += [title, "来源：%s　|　发布时间：%s　|　阅读次数：%d" % (src, ps, views), ""]
    elif c == "E":
        L += [title, "时间：%s　　来源：%s　　字号：[大][中][小]　　分享到：" % (ps, site), ""]
    elif c == "S":  # no title: only the info line was copied
        L += ["发布日期：%s　　信息来源：%s" % (ps, src), ""]
    return L


def render_html(e, f, title, pub, tm, src, site, today, addressee, paras, rng):
    ps = pub.isoformat() if pub else ""
    td = ""
    if today:
        td = "今天是%d年%d月%d日 星期%s" % (today.year, today.month, today.day, WEEK[today.weekday()])
    esc = html.escape
    head_meta = [
        '<meta charset="utf-8">',
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
        '<meta name="SiteName" content="%s">' % esc(site),
        '<meta name="ArticleTitle" content="%s">' % esc(title),
        '<meta name="PubDate" content="%s %s">' % (ps, tm),
        '<meta name="ContentSource" content="%s">' % esc(src),
        '<meta name="ColumnName" content="法治政府建设">',
    ]
    crumbs = ' &gt; '.join(['<a href="../../index.html">首页</a>', '<a href="../index.html">政务公开</a>',
                            '<a href="./index.html">法治政府建设</a>'])
    body = []
    body.append('<div class="top-bar"><span class="date">%s</span> <a href="#">无障碍</a> <a href="#">长者模式</a></div>' % td if td else
                '<div class="top-bar"><a href="#">无障碍</a> <a href="#">长者模式</a></div>')
    body.append('<div class="logo"><a href="/">%s</a></div>' % esc(site))
    body.append('<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a></div>')
    body.append('<div class="crumb">当前位置：%s</div>' % crumbs)
    body.append('<div class="article">')
    body.append('<h1 class="title">%s</h1>' % esc(title))
    body.append('<div class="info"><span>发布时间：%s %s</span>&nbsp;&nbsp;<span>来源：%s</span>&nbsp;&nbsp;<span>浏览次数：<script>document.write(%d)</script></span>'
                '&nbsp;&nbsp;<span>字体：[<a href="javascript:void(0)">大</a> <a href="javascript:void(0)">中</a> <a href="javascript:void(0)">小</a>]</span></div>'
                % (ps, tm, esc(src), rng.randint(40, 5000)))
    body.append('<div class="TRS_Editor" id="zoom">')
    if addressee:
        body.append('<p style="text-align:justify;">%s</p>' % esc(addressee))
    for p in paras:
        style = ' style="text-indent:2em;"'
        if re.match(r"^[一二三四五六]、", p):
            body.append('<p%s><strong>%s</strong></p>' % (style, esc(p)))
        else:
            body.append('<p%s>%s</p>' % (style, esc(p)))
    body.append('</div>')
    body.append('<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>')
    body.append('</div>')
    body.append('<div class="footer">主办：%s　网站标识码：%d　<a href="#">网站地图</a></div>' % (esc(site), rng.randint(1000000000, 6599999999)))
    doc = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head>'] + head_meta + [
        '<title>%s_%s</title>' % (esc(title), esc(site)),
        '<link rel="stylesheet" href="../../css/article.css">', '</head>', '<body>'] + body + ['</body>', '</html>', '']
    return "\n".join(doc)


def visible_text(s):
    s = re.sub(r"(?is)<(script|style|title)[^>]*>.*?</\1>", " ", s)
    s = re.sub(r"(?is)<head>.*?</head>", " ", s)
    s = re.sub(r"<[^>]+>", " ", s)
    return html.unescape(s)


def build(i, e, f, rng):
    Y = e["year"]
    style = f["year_style"]
    title = make_title(e, style, rng)
    mech = list(e.get("mech", []))
    src = source_of(e, rng)
    site = site_name(e, rng)
    pub = tm = today = None
    if f["chrome"]:
        pub, tm = pub_date(e, rng)
        if f["today"]:
            today = today_date(e, pub, rng)
    addressee = None
    if f["addressed"]:
        addressee = e["sup_gov"] + "："
        mech.append("addressed-to-superior")
    paras = body_paras(e, style, rng)
    if f["chrome"] == "C" and src == "本网":
        src = e["issuer"]
    if f["fmt"] == "html":
        fixed = cjk_len(visible_text(render_html(e, f, title, pub, tm, src, site, today, addressee, [], rng)))
        kept, _ = truncate(paras, rng.randint(max(215, fixed + 160), 395) - fixed)
        content = render_html(e, f, title, pub, tm, src, site, today, addressee, kept, rng)
    else:
        top = chrome_lines(e, f, title or "", pub, tm, src, site, today, rng) if f["chrome"] else []
        if not f["chrome"] and title:
            top = [title, ""] if rng.random() < 0.7 else [title]
        head = top + ([addressee] if addressee else [])
        fixed = cjk_len("\n".join(head))
        kept, _ = truncate(paras, rng.randint(max(215, fixed + 160), 395) - fixed)
        indent = rng.choice(["", "　　", "    "])
        content = "\n".join(head + [indent + p if not re.match(r"^[一二三四五六]、", p) else p for p in kept]) + "\n"
    # mechanisms
    if f["chrome"]:
        mech.append("chrome")
        if f["today"]:
            mech.append("today-date")
        if pub and pub.year == Y + 1:
            mech.append("published-next-year")
        elif pub and pub.year > Y + 1:
            mech.append("published-two-years-later")
        if src not in (e["issuer"], "本网", "办公室") and not src.endswith("办公厅") and not src.endswith("办公室"):
            mech.append("source-differs")
        if site != e["issuer"] and site in (visible_text(content) if f["fmt"] == "html" else content):
            mech.append("site-name-differs")
    if style == "notitle":
        mech += ["no-title", "year-from-body"]
    elif style == "chinese":
        mech.append("year-chinese-numerals")
    elif style == "bodyyear":
        mech.append("year-from-body")
    rest = content.replace(e["issuer"], "").replace(e["name"], "")
    if e.get("short") and e["short"] in rest and "short-name" not in mech:
        mech.append("short-name")
    if f["bom"]:
        mech.append("utf8-bom")
    ext = "html" if f["fmt"] == "html" else "txt"
    fname = "r_%03d.%s" % (i + 1, ext)
    path = os.path.join(OUT, fname)
    if f["fmt"] == "txt-gbk":
        data = content.replace("\n", "\r\n").encode("gbk")
    elif f["bom"]:
        data = ("\ufeff" + content).encode("utf-8")
    else:
        data = content.encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)
    doc = {
        "file": fname,
        "category": e["cat"],
        "format": f["fmt"],
        "region": {"name": e["name"], "full_name": e["full"], "level": fazhi_level(e), "city": e["city"],
                   "province": e["prov"], "adcode": e["code"]},
        "issuer": e["issuer"],
        "year": Y,
        "published": pub.isoformat() if pub else None,
        "truncated": True,
        "traps": sorted(set(mech)),
        "mechanisms": [],
    }
    return doc


def fazhi_level(e):
    """The gold's level in fazhi's words (added when the set was copied into the project; the
    helper was asked for province/prefecture/county/town/zone): a prefecture is a city, a
    county-level unit whose name ends in 区 a district, a town-level 街道 a subdistrict."""
    level, name = e["level"], e["name"]
    if level == "prefecture":
        return "city"
    if level == "county":
        return "district" if name.endswith("区") else "county"
    if level == "town":
        return "subdistrict" if name.endswith(("街道", "街道办事处")) else "town"
    return level


def main():
    rng = random.Random(SEED)
    order = list(range(len(ENTRIES)))
    rng.shuffle(order)  # file numbers do not follow the category table
    entries = [ENTRIES[k] for k in order]
    feats = assign_features(rng)
    for fn in os.listdir(OUT):
        if re.match(r"^r_\d{3}\.(txt|html)$", fn):
            os.remove(os.path.join(OUT, fn))
    docs = []
    for i, (e, f) in enumerate(zip(entries, feats)):
        docs.append(build(i, e, f, random.Random("%d-%d" % (SEED, i))))
    with open(os.path.join(OUT, "gold.json"), "w", encoding="utf-8") as fh:
        json.dump({"schema_version": 1, "documents": docs}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print("wrote %d documents to %s" % (len(docs), OUT))


if __name__ == "__main__":
    main()
