#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Seeded generator for the regions4 blind evaluation set.

Writes r_001 ... r_120 (.txt / .html), gold.json and README.md into the output
directory (default: the directory above tools/).  Everything is derived from
SEED and the unit table in units.py, so a rebuild is byte-identical.

    python3 tools/generate.py [--out DIR]

Standard library only.
"""
import argparse
import datetime
import json
import os
import random
import re
import sys
sys.dont_write_bytecode = True

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from units import UNITS, MUNICIPALITIES, PROV_CODES, ICP, PROV_SHORT, CITY_SHORT  # noqa: E402

SEED = 4042026
N_HTML = 15
N_GBK = 10
MIN_HAN, MAX_HAN = 150, 450
TODAY_CAP = datetime.date(2026, 5, 31)

HAN_RE = re.compile(r"[\u3007\u4e00-\u9fff]")
CN_DIG = "〇一二三四五六七八九"
WEEK = "一二三四五六日"

TRAP_ORDER = [
    "no-title", "title-only-in-html-title", "addressed-to-superior", "page-date-differs",
    "other-years-mentioned", "other-place-parent", "other-place-neighbour", "other-place-partner",
    "other-place-app", "short-body-name", "short-place-name", "zone-abbreviation", "joint-issuer",
    "chinese-numeral-year", "common-place-name", "parent-only-in-signature",
    "parent-only-in-site-name", "renamed-unit",
]


# ----------------------------------------------------------------- helpers
def is_han(ch):
    return bool(HAN_RE.match(ch))


def han_count(s):
    return len(HAN_RE.findall(s))


def cn_year(y):
    return "".join(CN_DIG[int(c)] for c in str(y))


def cn_num(n):
    if n < 10:
        return CN_DIG[n]
    if n == 10:
        return "十"
    if n < 20:
        return "十" + CN_DIG[n - 10]
    t, o = divmod(n, 10)
    return CN_DIG[t] + "十" + (CN_DIG[o] if o else "")


def ystr(y, cn):
    return (cn_year(y) if cn else str(y)) + "年"


def date_cn(d, cn):
    if cn:
        return "%s年%s月%s日" % (cn_year(d.year), cn_num(d.month), cn_num(d.day))
    return "%d年%d月%d日" % (d.year, d.month, d.day)


class Builder:
    """Concatenates text pieces and remembers which trap each piece carries."""

    def __init__(self):
        self.parts = []
        self.spans = []  # (start, end, trap)
        self.n = 0

    def add(self, text, *traps):
        start = self.n
        self.parts.append(text)
        self.n += len(text)
        for t in traps:
            if t:
                self.spans.append((start, self.n, t))
        return self

    def text(self):
        return "".join(self.parts)

    def traps_within(self, limit):
        return [t for (s, e, t) in self.spans if e <= limit]


# ----------------------------------------------------------- unit vocabulary
def unit_char(u):
    if u["kind"] == "town":
        n = u["name"]
        for suf in ("街道", "苏木", "镇", "乡"):
            if n.endswith(suf):
                return suf
    return u.get("unit")


def self_word(u):
    k = u["kind"]
    if k == "pgov":
        return {"省": "全省", "自治区": "全区", "直辖市": "全市"}[u["unit"]]
    if k in ("pdept", "cdept", "ctax", "kdept"):
        return "我厅" if u.get("dept") == "厅" else "我局"
    if k == "cgov":
        return {"州": "我州", "盟": "我盟", "地区": "全地区", "市": "我市"}[u["unit"]]
    if k in ("kgov", "joint"):
        return {"县": "我县", "区": "我区", "市": "我市", "旗": "我旗"}[u["unit"]]
    if k == "town":
        return {"镇": "我镇", "乡": "我乡", "苏木": "我苏木", "街道": "我街道"}[unit_char(u)]
    if k == "zone":
        return u["zw"]
    raise ValueError(k)


def self_party(u):
    k = u["kind"]
    if k == "pgov":
        return {"省": "省政府", "自治区": "自治区人民政府", "直辖市": "市政府"}[u["unit"]]
    if k in ("pdept", "cdept", "kdept"):
        return "厅党组" if u.get("dept") == "厅" else "局党组"
    if k == "ctax":
        return "局党委"
    if k == "cgov":
        return {"州": "州委、州政府", "盟": "盟委、行署", "地区": "地委、行署", "市": "市委、市政府"}[u["unit"]]
    if k in ("kgov", "joint"):
        c = u["unit"]
        return "%s委、%s政府" % (c, c)
    if k == "town":
        return {"镇": "镇党委、镇政府", "乡": "乡党委、乡政府", "苏木": "苏木党委、政府",
                "街道": "街道党工委、办事处"}[unit_char(u)]
    if k == "zone":
        return "党工委、管委会"
    raise ValueError(k)


def meeting(u):
    k = u["kind"]
    if k == "pgov":
        return {"省": "省政府常务会议", "自治区": "自治区人民政府常务会议", "直辖市": "市政府常务会议"}[u["unit"]]
    if k in ("pdept", "cdept", "kdept"):
        return "党组会议"
    if k == "ctax":
        return "局党委会议"
    if k == "cgov":
        return {"州": "州政府常务会议", "盟": "行署专员办公会议", "地区": "行署专员办公会议",
                "市": "市政府常务会议"}[u["unit"]]
    if k == "kgov":
        return "%s政府常务会议" % u["unit"]
    if k == "joint":
        return "县委常委会会议、县政府常务会议"
    if k == "town":
        return "党工委会议" if unit_char(u) == "街道" else "党政联席会议"
    return "党工委会议、管委会主任办公会议"


def scope(u):
    if u.get("scope"):
        return u["scope"]
    k = u["kind"]
    if k in ("pdept",):
        return "机关各处室和直属单位"
    if k in ("cdept", "ctax", "kdept"):
        return "机关各科室和直属单位"
    if k == "cgov":
        return {"州": "各县市和州直部门", "盟": "各旗（区）和盟直部门", "地区": "各县（市）和地直部门",
                "市": "各县（市、区）和市直部门"}[u["unit"]]
    if k in ("kgov", "joint"):
        return {"县": "各乡镇和县直部门", "区": "各街道和区级部门", "市": "各镇（街道）和市直部门",
                "旗": "各苏木镇和旗直部门"}[u["unit"]]
    if k == "town":
        return {"镇": "各村（社区）和镇属站所", "乡": "各村和乡属站所", "苏木": "各嘎查和苏木直属站所",
                "街道": "各社区和街道各科室"}[unit_char(u)]
    return "各职能部门和所属街道"


def gov_name(u):
    """Name of the people's government of the unit a county-level body serves."""
    if u["province"] in MUNICIPALITIES:
        return u["province"] + u["name"] + "人民政府"
    if u["level"] == "district" and u["city"]:
        return u["city"] + u["name"] + "人民政府"
    return u["name"] + "人民政府"


def parent_gov_name(u):
    p = u["parent"]
    if u["province"] in MUNICIPALITIES:
        return u["province"] + p + "人民政府"
    if u["ptype"] == "区" and u["city"] and p != u["city"]:
        return u["city"] + p + "人民政府"
    return p + "人民政府"


def parent_short(u):
    return u.get("pshort") or u["parent"]


def full_name(u):
    if u.get("full"):
        return u["full"]
    prov, city, name = u["province"], u["city"], u["name"]
    if u["level"] == "province":
        return prov
    if u["level"] == "city":
        return prov + name
    if u["level"] in ("county", "district"):
        return prov + (city or "") + name
    par = u["parent"]
    return prov + (city or "") + ("" if par == city else par) + name


def site_name(u):
    k = u["kind"]
    if k in ("pgov", "cgov", "kgov", "joint"):
        base = gov_name(u) if k in ("kgov", "joint") else u["issuer"]
        return base
    if k in ("pdept", "cdept", "ctax"):
        return u["issuer"]
    if k == "kdept":
        return gov_name(u)
    if k == "town":
        return parent_gov_name(u)
    return u["name"]


# ------------------------------------------------------------ phrase pools
def thought(Y):
    if Y == 2016:
        return "深入学习贯彻习近平总书记系列重要讲话精神"
    if Y <= 2019:
        return "坚持以习近平新时代中国特色社会主义思想为指导"
    return "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想"


SPIRIT = {
    2016: "全面贯彻党的十八大和十八届三中、四中、五中、六中全会精神",
    2017: "深入学习贯彻党的十九大精神",
    2018: "全面贯彻党的十九大和十九届二中、三中全会精神",
    2019: "全面贯彻党的十九大和十九届二中、三中、四中全会精神",
    2020: "全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神",
    2021: "全面贯彻党的十九大和十九届历次全会精神",
    2022: "深入学习贯彻党的二十大精神",
    2023: "全面贯彻党的二十大和二十届二中全会精神",
    2024: "全面贯彻党的二十大和二十届二中、三中全会精神",
    2025: "全面贯彻党的二十大和二十届历次全会精神",
}

FLAVOR = {
    2016: "“十三五”开局之年", 2017: "实施“十三五”规划的重要一年", 2018: "全面贯彻党的十九大精神的开局之年",
    2019: "新中国成立70周年", 2020: "“十三五”规划收官之年", 2021: "“十四五”开局之年",
    2022: "党的二十大召开之年", 2023: "全面贯彻党的二十大精神的开局之年",
    2024: "新中国成立75周年", 2025: "“十四五”规划收官之年",
}


def outline_period(Y):
    return "2015—2020年" if Y <= 2020 else "2021—2025年"


def pufa(Y):
    return ("“七五”", "2016—2020年") if Y <= 2020 else ("“八五”", "2021—2025年")


def upper_lead(u, named):
    """'在……的坚强领导下'.  Returns (phrase, trap-or-None)."""
    k, prov, city = u["kind"], u["province"], u["city"]
    auto = prov.endswith("自治区")
    muni = prov in MUNICIPALITIES
    if k == "pgov":
        return "在党中央、国务院的坚强领导下", None
    if k == "pdept":
        if u["unit"] == "自治区":
            return ("在%s党委、政府的坚强领导下" % prov if named else "在自治区党委、政府的坚强领导下"), None
        return ("在%s委、省政府的坚强领导下" % prov if named else "在省委、省政府的坚强领导下"), None
    if k == "cgov":
        if auto:
            return ("在%s党委、政府的坚强领导下" % prov, "other-place-parent") if named else \
                ("在自治区党委、政府的坚强领导下", None)
        return ("在%s委、省政府的坚强领导下" % prov, "other-place-parent") if named else \
            ("在省委、省政府的坚强领导下", None)
    if k in ("cdept",):
        return ("在%s委、市政府的坚强领导下" % city if named else "在市委、市政府的坚强领导下"), None
    if k == "ctax":
        return ("在国家税务总局和%s委、市政府的坚强领导下" % city if named else
                "在上级税务机关和市委、市政府的坚强领导下"), None
    if k in ("kgov", "joint", "zone"):
        if muni or city is None:
            if muni:
                return ("在%s委、市政府的坚强领导下" % prov, "other-place-parent") if named else \
                    ("在市委、市政府的坚强领导下", None)
            return ("在%s委、省政府的坚强领导下" % prov, "other-place-parent") if named else \
                ("在省委、省政府的坚强领导下", None)
        if city in CITY_SHORT:
            cs = CITY_SHORT[city]
            return ("在%s委、州政府的坚强领导下" % cs, "other-place-parent") if named else \
                ("在州委、州政府的坚强领导下", None)
        return ("在%s委、市政府的坚强领导下" % city, "other-place-parent") if named else \
            ("在市委、市政府的坚强领导下", None)
    if k == "kdept":
        c = u["unit"]
        return ("在%s委、%s政府的坚强领导下" % (u["name"], c) if named else
                "在%s委、%s政府的坚强领导下" % (c, c)), None
    if k == "town":
        c = u["ptype"]
        if named:
            tr = "other-place-parent" if not u.get("pshort") else "other-place-parent+short"
            return "在%s委、%s政府的坚强领导下" % (parent_short(u), c), tr
        return "在%s委、%s政府的坚强领导下" % (c, c), None
    raise ValueError(k)


def superior_line(u, named):
    """Addressee line of a report sent to the superior body."""
    k, prov, city = u["kind"], u["province"], u["city"]
    auto = prov.endswith("自治区")
    if k == "pdept":
        return ("自治区人民政府：" if auto else "省人民政府："), None
    if k == "cgov":
        if named:
            return prov + "人民政府：", "other-place-parent"
        return ("自治区人民政府：" if auto else "省人民政府："), None
    if k == "cdept":
        return (city + "人民政府：" if named else "市人民政府："), None
    if k in ("kgov", "zone"):
        if prov in MUNICIPALITIES:
            return (prov + "人民政府：", "other-place-parent") if named else ("市人民政府：", None)
        if city is None:
            return (prov + "人民政府：", "other-place-parent") if named else ("省人民政府：", None)
        if city in CITY_SHORT:
            return (city + "人民政府：", "other-place-parent") if named else ("州人民政府：", None)
        return (city + "人民政府：", "other-place-parent") if named else ("市人民政府：", None)
    if k == "joint":
        if city in CITY_SHORT:
            cs = CITY_SHORT[city]
            return "中共%s委、%s人民政府：" % (cs, city), "other-place-parent"
        return "中共%s委、%s人民政府：" % (city, city), "other-place-parent"
    if k == "kdept":
        c = u["unit"]
        return (gov_name(u) + "：" if named else "%s人民政府：" % c), None
    if k == "town":
        c = u["ptype"]
        if named:
            return parent_gov_name(u) + "：", "other-place-parent"
        return "%s人民政府：" % c, None
    raise ValueError(k)


# -------------------------------------------------------------- body items
def item_leadership(u, c, r, b):
    party = c["party"]
    traps = []
    if c.get("bshort_in_body"):
        party = u["bshort"] + ("党委" if u["kind"] == "ctax" else "党组")
        traps.append("short-body-name")
    n1, n2 = r.randint(3, 9), r.randint(2, 6)
    heads = ["（一）坚持党的领导，压实法治建设责任。", "（一）加强组织领导，健全法治建设工作机制。",
             "（一）深入学习贯彻习近平法治思想，履行第一责任人职责。"]
    if c["Y"] <= 2019:
        heads = heads[:2]
    b.add(r.choice(heads))
    b.add("%s认真履行推进法治建设第一责任人职责，全年召开%s%d次专题研究法治政府建设工作，"
          % (party, meeting(u), n1), *traps)
    b.add(r.choice([
        "组织领导干部集中学法%d次，将法治建设纳入%s年度绩效考核。" % (n2, scope(u)),
        "把法治政府建设与经济社会发展同部署、同推进、同督促、同考核，推动%s落实法治建设主体责任。" % scope(u),
        "制定年度法治政府建设工作要点，明确%d项重点任务并逐项分解到%s。" % (r.randint(18, 46), scope(u)),
    ]))


def item_functions(u, c, r, b):
    Y = c["Y"]
    b.add(r.choice(["（二）依法全面履行政府职能。", "（二）持续深化“放管服”改革，优化法治化营商环境。"]))
    n = r.randint(120, 1600)
    if Y >= 2018:
        b.add("全面推行政务服务“一网通办”，%d项政务服务事项实现“最多跑一次”" % n)
    else:
        b.add("深入推进简政放权，%d项政务服务事项实现网上办理" % n)
    if c.get("app"):
        b.add("，依托“%s”平台推动%d项高频事项“掌上办”“指尖办”" % (u["app"], r.randint(30, 260)),
              "other-place-app")
    b.add("，企业开办时间压缩至%s个工作日以内。" % r.choice(["1", "2", "3", "0.5"]))
    if c.get("neighbour"):
        b.add("主动对接%s，建立跨区域行政执法协作和矛盾纠纷联调联处机制，" % u["neighbour"],
              "other-place-neighbour")
        b.add("全年开展联合执法%d次。" % r.randint(3, 18))


def item_rules(u, c, r, b):
    b.add(r.choice(["（三）完善依法行政制度体系。", "（三）加强规范性文件监督管理。"]))
    n = r.randint(8, 70)
    b.add("严格落实行政规范性文件合法性审核机制，全年审核规范性文件%d件，清理规范性文件%d件，"
          "报备率、及时率、规范率均达到100%%。" % (n, r.randint(10, 120)))
    if c.get("plan"):
        b.add("制定印发《%s法治政府建设实施方案（%s）》，" % (c["plan_owner"], outline_period(c["Y"])),
              "other-years-mentioned")
        b.add("细化%d项具体措施。" % r.randint(20, 60))


def item_decision(u, c, r, b):
    Y = c["Y"]
    b.add("（四）推进行政决策科学化、民主化、法治化。")
    if Y >= 2019:
        b.add("严格执行《重大行政决策程序暂行条例》，")
    b.add("对%d项重大行政决策事项严格履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定等法定程序，"
          % r.randint(3, 22))
    b.add("充分发挥法律顾问、公职律师作用，全年审查合同及重要文件%d件。" % r.randint(40, 600))


def item_enforcement(u, c, r, b):
    Y = c["Y"]
    b.add(r.choice(["（五）严格规范公正文明执法。", "（五）深化行政执法体制改革。"]))
    if Y >= 2019:
        b.add("全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，")
    else:
        b.add("扎实开展行政执法公示、执法全过程记录、重大执法决定法制审核制度试点，")
    if Y >= 2021:
        b.add("推行“首违不罚”“轻微免罚”清单制度，")
    b.add("全年组织行政执法人员培训%d场次，开展执法案卷评查%d卷。" % (r.randint(3, 30), r.randint(60, 900)))


def item_supervision(u, c, r, b):
    Y = c["Y"]
    b.add("（六）强化对行政权力的制约和监督。")
    n, m = r.randint(40, 420), r.randint(30, 380)
    b.add("自觉接受人大法律监督、政协民主监督，办理人大代表建议%d件、政协提案%d件，办结率100%%。" % (n, m))
    k = r.randint(12, 360)
    if c.get("compare"):
        p = r.randint(3, 36)
        b.add("全年新收行政复议案件%d件，较%d年%s%d.%d%%" % (k, Y - 1, r.choice(["增长", "下降"]), p,
                                               r.randint(0, 9)), "other-years-mentioned")
    else:
        b.add("全年办理行政复议案件%d件" % k)
    if Y >= 2020:
        b.add("，行政机关负责人出庭应诉率达到100%。")
    else:
        b.add("，依法纠正违法或不当行政行为%d件。" % r.randint(1, 12))


def item_pufa(u, c, r, b):
    Y = c["Y"]
    nm, per = pufa(Y)
    b.add(r.choice(["（七）深入推进法治宣传教育。", "（七）加快建设法治社会。"]))
    if c.get("pufa_period"):
        b.add("深入实施%s普法规划（%s），" % (nm, per), "other-years-mentioned")
    else:
        b.add("深入实施%s普法规划，" % nm)
    b.add("落实“谁执法谁普法”普法责任制，全年开展法治宣传活动%d场次，覆盖群众%d万人次。"
          % (r.randint(40, 900), r.randint(2, 80)))
    if c.get("partner"):
        pl, rel = u["partner"]
        b.add("深化与%s的%s，" % (pl, rel), "other-place-partner")
        b.add("选派%d名执法骨干跟岗学习，联合开展法治培训%d期。" % (r.randint(4, 30), r.randint(2, 8)))


def item_dispute(u, c, r, b):
    b.add(r.choice(["（三）坚持和发展新时代“枫桥经验”。", "（三）依法有效化解社会矛盾纠纷。"]))
    b.add("健全%s矛盾纠纷排查化解机制，全年排查化解矛盾纠纷%d件，调解成功率达%d.%d%%。"
          % (scope(u), r.randint(60, 900), r.randint(95, 99), r.randint(0, 9)))


def item_town_law(u, c, r, b):
    Y = c["Y"]
    b.add("（二）推进基层依法行政。")
    if Y >= 2021:
        b.add("稳步承接赋权事项，%d项县级行政执法事项下放至%s实施，" % (r.randint(20, 140), self_word(u)))
        b.add("组建综合行政执法队伍，全年办理执法案件%d件。" % r.randint(10, 260))
    else:
        b.add("严格执行重大事项党政联席会议集体讨论决定制度，全年集体研究决策事项%d项，" % r.randint(10, 90))
        b.add("%d个村（社区）法律顾问实现全覆盖。" % r.randint(6, 40))
    if c.get("app"):
        b.add("依托“%s”平台实现%d项便民事项就近可办。" % (u["app"], r.randint(20, 160)), "other-place-app")
    if c.get("neighbour"):
        b.add("与相邻的%s建立边界地区矛盾纠纷联调机制。" % u["neighbour"], "other-place-neighbour")


def item_town_demo(u, c, r, b):
    Y = c["Y"]
    b.add("（四）加强法治乡村（社区）建设。")
    b.add("指导%d个村（社区）修订完善村规民约、居民公约，" % r.randint(5, 30))
    if c.get("compare"):
        b.add("新增省级民主法治示范村（社区）%d个，较%d年增加%d个。" % (r.randint(1, 4), Y - 1, r.randint(1, 3)),
              "other-years-mentioned")
    else:
        b.add("培育“法律明白人”%d名，“一村一法律顾问”实现全覆盖。" % r.randint(30, 300))
    if c.get("partner"):
        pl, rel = u["partner"]
        b.add("借助%s经验，" % rel)
        b.add("与%s有关单位共建法治宣传阵地。" % pl, "other-place-partner")


AREA_ITEMS = {
    "justice": [
        "全年办理法律援助案件%(n)d件，为受援群众挽回经济损失%(x)d万元，",
        "统筹推进公共法律服务体系建设，%(k)d个村（社区）法律顾问实现全覆盖。",
        "全年承办行政复议案件%(n)d件，直接纠错%(k)d件。",
    ],
    "market": [
        "推行“双随机、一公开”监管，开展部门联合抽查%(k)d次，",
        "全年查办市场监管领域行政处罚案件%(n)d件，罚没款%(x)d万元。",
        "推行包容审慎监管，对%(k)d起轻微违法行为依法不予行政处罚。",
    ],
    "eco": [
        "全年查处环境违法案件%(n)d件，处罚金额%(x)d万元，",
        "推进生态环境损害赔偿制度改革，办理赔偿案件%(k)d件。",
        "落实“双随机、一公开”监管，随机抽查排污单位%(n)d家次。",
    ],
    "medical": [
        "开展打击欺诈骗保专项整治，检查定点医药机构%(n)d家，追回医保基金%(x)d万元，",
        "推进医保基金监管信用体系建设，约谈整改定点机构%(k)d家。",
        "规范医保经办服务，%(k)d项医保服务事项实现“跨省通办”。",
    ],
    "tax": [
        "不折不扣落实减税降费政策，全年新增减税降费%(k)d.%(d)d亿元，",
        "推行“非接触式”办税缴费，%(p)d%%的涉税事项实现网上办理。",
        "全面推行税务执法“三项制度”，规范税务行政处罚裁量基准。",
    ],
    "emergency": [
        "全年开展安全生产执法检查%(n)d家次，排查整改隐患%(x)d处，",
        "立案处罚%(k)d起，推行安全生产执法“说理式”文书。",
        "严格落实安全生产执法计划，对重点企业实行分类分级监管。",
    ],
    "urban": [
        "全年查处违法建设%(n)d处、面积%(k)d.%(d)d万平方米，",
        "推行城市管理“721”工作法，70%%的问题用服务手段解决。",
        "规范占道经营、户外广告等执法行为，办理行政处罚案件%(x)d件。",
    ],
    "natural": [
        "全年查处违法用地案件%(n)d件、涉及土地%(k)d公顷，",
        "严格落实耕地保护责任，开展卫片执法检查%(x)d宗。",
        "规范国土空间规划和用地审批，审批时限压缩%(p)d%%。",
    ],
    "transport": [
        "全年办理交通运输行政许可事项%(x)d件，",
        "开展治理车辆超限超载执法检查%(n)d次，查处违法超限车辆%(k)d台次。",
        "推行交通运输“互联网+监管”，%(p)d%%的执法检查纳入信息化平台。",
    ],
}


def item_area(u, c, r, b):
    b.add(r.choice(["（二）依法履行部门职责。", "（二）严格规范公正文明执法。"]))
    vals = dict(n=r.randint(40, 900), x=r.randint(60, 5000), k=r.randint(3, 80), d=r.randint(1, 9),
                p=r.randint(85, 99))
    lines = AREA_ITEMS[u["area"]]
    b.add(lines[0] % vals)
    b.add(lines[1] % vals)
    b.add(lines[2] % vals)
    if c.get("app"):
        b.add("依托“%s”平台推出%d项“掌上办”服务。" % (u["app"], r.randint(10, 80)), "other-place-app")
    if c.get("neighbour"):
        b.add("与%s签订应急联动和执法协作协议。" % u["neighbour"], "other-place-neighbour")


def item_dept_rules(u, c, r, b):
    b.add("（三）推进依法科学民主决策。")
    b.add("严格落实合法性审核机制，全年审核规范性文件和重大决策事项%d件，" % r.randint(5, 40))
    b.add("党组会议研究涉法事项前坚持先学法，全年开展会前学法%d次。" % r.randint(6, 24))
    if c.get("plan"):
        b.add("对照《%s法治政府建设实施方案（%s）》，" % (c["plan_owner"], outline_period(c["Y"])),
              "other-years-mentioned")
        b.add("逐项建立任务台账。")


def item_zone(u, c, r, b):
    Y = c["Y"]
    b.add("（二）打造一流法治化营商环境。")
    b.add("深化相对集中行政许可权改革，%d项审批事项实现“一枚印章管审批”，" % r.randint(80, 400))
    b.add("企业投资项目审批时限压缩至%d个工作日以内。" % r.randint(15, 60))
    if c.get("app"):
        b.add("依托“%s”平台上线%d项高频事项。" % (u["app"], r.randint(20, 200)), "other-place-app")


def body_items(u, c, r):
    k = u["kind"]
    if k in ("pgov", "cgov", "kgov", "joint"):
        seq = [item_leadership, item_functions, item_rules, item_decision, item_enforcement,
               item_supervision, item_pufa]
    elif k in ("pdept", "cdept", "ctax", "kdept"):
        seq = [item_leadership, item_area, item_dept_rules, item_enforcement, item_pufa]
    elif k == "town":
        seq = [item_leadership, item_town_law, item_dispute, item_town_demo, item_pufa]
    else:
        seq = [item_leadership, item_zone, item_rules, item_decision, item_enforcement, item_pufa]
    return seq


# ------------------------------------------------------------ document plan
def make_plan(u, fmt, r):
    """Decide randomly (seeded) which optional features a document carries."""
    p = {}
    k = u["kind"]
    p["cn"] = r.random() < 0.12
    # title handling
    if fmt == "html":
        p["notitle"] = False
        p["title_only_meta"] = r.random() < 0.4
    else:
        p["notitle"] = r.random() < 0.14
        p["title_only_meta"] = False
    # town parent clue mode
    if k == "town":
        if fmt == "html":
            p["pmode"] = r.choice(["site", "open", "site"])
        else:
            p["pmode"] = r.choice(["sig", "open", "site", "sig"])
        if p["pmode"] != "open":
            p["notitle"] = False
    else:
        p["pmode"] = None
    # txt header style
    if fmt == "html":
        p["header"] = "html"
    elif p.get("pmode") == "site":
        p["header"] = "crumb"
    elif p.get("pmode") == "sig":
        p["header"] = "plain"
    else:
        p["header"] = r.choice(["plain", "plain", "plain", "pageinfo", "index", "crumb"])
    p["sig"] = p.get("pmode") == "sig" or r.random() < 0.3
    if p.get("pmode") == "site":
        p["sig"] = False
    can_sup = k not in ("pgov", "ctax")
    p["superior"] = can_sup and r.random() < 0.25
    p["sup_named"] = r.random() < 0.5
    if k == "joint":
        p["sup_named"] = True
    p["lead_named"] = r.random() < 0.5
    if k == "town" and p["pmode"] != "open":
        p["lead_named"] = False
        p["sup_named"] = False
    if k == "town" and p["pmode"] == "open":
        p["lead_named"] = True
    p["outline"] = r.random() < 0.5
    p["flavor"] = r.random() < 0.3
    p["compare"] = r.random() < 0.35
    p["plan"] = r.random() < 0.3
    p["pufa_period"] = r.random() < 0.4
    p["app"] = bool(u.get("app")) and u["year"] >= 2019 and r.random() < 0.9
    p["partner"] = bool(u.get("partner")) and r.random() < 0.9
    p["neighbour"] = bool(u.get("neighbour")) and r.random() < 0.9
    p["bshort_in_body"] = bool(u.get("bshort")) and r.random() < 0.75
    p["bshort_title"] = bool(u.get("bshort")) and r.random() < 0.35
    p["short_place"] = bool(u.get("short")) and r.random() < 0.8
    if p["bshort_title"]:
        p["lead_named"] = True
    p["truncated"] = r.random() < 0.55
    p["intro_mentions"] = r.random() < 0.7
    p["indent"] = r.choice(["　　", "　　", "", "  "])
    p["blank"] = r.random() < 0.5
    # dates
    Y = u["year"]
    if r.random() < 0.15:
        pub = datetime.date(Y, 11, 20) + datetime.timedelta(days=r.randint(0, 40))
    else:
        pub = datetime.date(Y + 1, 1, 8) + datetime.timedelta(days=r.randint(0, 105))
    if pub > TODAY_CAP:
        pub = TODAY_CAP - datetime.timedelta(days=60)
    sigd = pub - datetime.timedelta(days=r.randint(0, 12))
    if sigd.year < pub.year and pub.year == Y + 1 and sigd.year == Y:
        pass
    p["pub"] = pub
    p["sigdate"] = sigd
    lo = pub + datetime.timedelta(days=20)
    hi = min(pub + datetime.timedelta(days=1100), TODAY_CAP)
    if hi < lo:
        hi = lo
    p["today"] = lo + datetime.timedelta(days=r.randint(0, (hi - lo).days))
    p["time"] = "%02d:%02d" % (r.randint(8, 18), r.randint(0, 59))
    p["seconds"] = r.random() < 0.5
    p["sec"] = r.randint(0, 59)
    p["views"] = r.randint(60, 9800)
    p["target"] = r.randint(175, 430)
    p["title_style"] = r.randint(0, 5)
    p["subject_style"] = r.randint(0, 2)
    return p


def place_label(u, p):
    """Name used for the unit inside titles and sentences."""
    if p["short_place"] and u.get("short"):
        return u["short"]
    if u["kind"] == "town":
        if p["pmode"] == "open":
            return parent_short(u) + u["name"] if p["subject_style"] == 0 else u["name"]
        return u["name"]
    return u["name"]


def issuer_display(u, p):
    """Issuer as printed in the title."""
    k = u["kind"]
    if k == "joint":
        nm = u["name"]
        return "中共%s委 %s人民政府" % (nm, nm) if p["title_style"] % 2 else "中共%s委、%s人民政府" % (nm, nm)
    if u.get("bshort") and p["bshort_title"]:
        return u["bshort"]
    if k == "town" and p["pmode"] != "open":
        return u["name"] + ("办事处" if u["name"].endswith("街道") else "人民政府")
    if k == "zone" and p["short_place"] and u.get("short"):
        return u["short"] + "管委会"
    if k in ("cgov", "kgov") and p["short_place"] and u.get("short"):
        return u["short"] + ("行政公署" if u["unit"] == "盟" else "人民政府")
    return u["issuer"]


def make_title(u, p):
    Y, cn = u["year"], p["cn"]
    ys = ystr(Y, cn)
    iss = issuer_display(u, p)
    place = place_label(u, p)
    st = p["title_style"]
    old = Y <= 2018
    if st == 0:
        return "%s关于%s法治政府建设工作情况的报告" % (iss, ys)
    if st == 1:
        return "%s%s法治政府建设年度报告" % (iss, ys)
    if st == 2:
        return "%s关于%s度%s情况的报告" % (iss, ys, "依法行政工作" if old else "法治政府建设")
    if st == 3:
        if u["kind"] in ("pdept", "cdept", "ctax", "kdept", "joint"):
            return "%s%s度法治政府建设情况报告" % (iss, ys)
        return "%s%s法治政府建设情况报告" % (ys, place)
    if st == 4:
        return "%s%s度法治政府建设工作报告" % (iss, ys)
    return "%s关于%s%s的报告" % (iss, ys, "依法行政工作情况" if old else "推进法治政府建设情况")


def title_traps(u, p, title):
    t = []
    if u["kind"] == "joint":
        t.append("joint-issuer")
    if u.get("bshort") and p["bshort_title"]:
        t.append("short-body-name")
    if p["short_place"] and u.get("short") and u["short"] in title:
        t.append("zone-abbreviation" if u["kind"] == "zone" else "short-place-name")
    if p["cn"]:
        t.append("chinese-numeral-year")
    return t


def subject(u, p, visible_title):
    """Grammatical subject of the opening sentence; returns (text, traps)."""
    k = u["kind"]
    must_name = not visible_title
    st = p["subject_style"]
    if k == "joint":
        if must_name or st == 0:
            return "中共%s委、%s人民政府" % (u["name"], u["name"]), ["joint-issuer"]
        return "县委、县政府", []
    if k in ("pdept", "cdept", "ctax", "kdept"):
        if p["bshort_in_body"] and not must_name and st != 0:
            return u["bshort"], ["short-body-name"]
        if must_name or st == 0:
            return u["issuer"], []
        return self_word(u), []
    if k == "town":
        if must_name or st == 0:
            if p["pmode"] == "open":
                return u["issuer"], []
            return u["name"], []
        return self_word(u), []
    if k == "zone":
        if p["short_place"] and u.get("short") and (must_name or st != 2):
            return u["short"], ["zone-abbreviation"]
        if must_name or st == 0:
            return u["name"], []
        return self_word(u), []
    # governments
    if p["short_place"] and u.get("short") and (must_name or st != 2):
        return u["short"], ["short-place-name"]
    if must_name or st == 0:
        return (u["name"] if k != "pgov" else u["issuer"]), []
    return self_word(u), []


def build_body(u, p, r, b, visible_title):
    """Append the report text (intro + numbered items) to builder b."""
    Y, cn = u["year"], p["cn"]
    ys = ystr(Y, cn)
    ind = p["indent"]
    sep = "\n\n" if p["blank"] else "\n"
    ctx = dict(Y=Y, party=self_party(u), app=p["app"], partner=p["partner"], neighbour=p["neighbour"],
               compare=p["compare"], plan=p["plan"], pufa_period=p["pufa_period"],
               bshort_in_body=p["bshort_in_body"])
    if u["kind"] in ("pgov", "pdept"):
        ctx["plan_owner"] = u["province"]
    elif u["kind"] == "town":
        ctx["plan_owner"] = self_word(u).replace("我", "本")
    else:
        ctx["plan_owner"] = u.get("short") if (p["short_place"] and u.get("short")) else u["name"]
    if p["intro_mentions"]:
        for key in ("app", "partner", "neighbour"):
            ctx[key] = False
    subj, straps = subject(u, p, visible_title)
    lead, ltrap = upper_lead(u, p["lead_named"])
    b.add(ind)
    if p["flavor"]:
        b.add("%s是%s。" % (ys, FLAVOR[Y]), "chinese-numeral-year" if cn else None)
        b.add(subj, *straps)
    else:
        b.add(ys, "chinese-numeral-year" if cn else None)
        b.add("，")
        b.add(subj, *straps)
    if ltrap and ltrap.endswith("+short"):
        b.add(lead, "other-place-parent", "short-place-name")
    else:
        b.add(lead, ltrap)
    b.add("，%s，%s" % (thought(Y), SPIRIT[Y]))
    if p["outline"]:
        verb = "全面落实" if Y <= 2020 else "认真贯彻落实"
        b.add("，%s《法治政府建设实施纲要（%s）》" % (verb, outline_period(Y)), "other-years-mentioned")
    if u["kind"] == "pgov":
        goal = "加快建设法治%s" % PROV_SHORT[u["province"]]
    elif u["kind"] == "town":
        goal = "夯实基层法治建设基础"
    elif u["kind"] == "zone":
        goal = "持续优化法治化营商环境"
    else:
        goal = r.choice(["扎实推进法治政府建设示范创建", "全面推进严格规范公正文明执法", "着力打造法治化营商环境"])
    b.add("，%s" % goal)
    if p["intro_mentions"]:
        if p["app"]:
            b.add("，依托“%s”平台持续深化“放管服”改革" % u["app"], "other-place-app")
        if p["partner"]:
            pl, rel = u["partner"]
            b.add("，深化与%s的%s" % (pl, rel), "other-place-partner")
        if p["neighbour"]:
            b.add("，加强与%s的区域执法协作" % u["neighbour"], "other-place-neighbour")
    b.add("，%s。" % r.choice(["法治政府建设各项工作取得新进展", "依法行政水平持续提升", "各项工作取得积极成效"]))
    if p["superior"]:
        b.add("现将有关情况报告如下：")
    else:
        b.add("现将%s度%s情况报告如下：" % (ys, "依法行政工作" if Y <= 2018 and r.random() < 0.5 else "法治政府建设工作"),
              "chinese-numeral-year" if cn else None)
    b.add(sep)
    heads = ["一、%s主要工作及成效" % ys, "一、推进法治政府建设的主要举措和成效", "一、主要工作开展情况"]
    h = r.choice(heads)
    b.add(ind + h, "chinese-numeral-year" if (cn and ys in h) else None)
    for fn in body_items(u, ctx, r):
        b.add(sep + ind)
        fn(u, ctx, r, b)
    b.add(sep)


# -------------------------------------------------------------- truncation
def cut_text(s, start, target, truncated):
    """Return the prefix of s that forms the opening."""
    if truncated:
        c = 0
        for i, ch in enumerate(s):
            if is_han(ch):
                c += 1
                if c >= target and i >= start and i + 1 < len(s) and is_han(s[i + 1]):
                    return s[:i + 1]
        raise RuntimeError("text too short for truncation")
    best = None
    c = 0
    for i, ch in enumerate(s):
        if is_han(ch):
            c += 1
        if ch == "。" and i >= start and MIN_HAN <= c <= MAX_HAN:
            d = abs(c - target)
            if best is None or d < best[0]:
                best = (d, i)
    if best is None:
        raise RuntimeError("no sentence boundary in range")
    return s[:best[1] + 1]


# -------------------------------------------------------------- txt output
def pageinfo_line(u, p, source):
    t = p["time"] + (":%02d" % p["sec"] if p["seconds"] else "")
    return "发布时间：%s %s　　来源：%s　　浏览次数：%d" % (p["pub"].isoformat(), t, source, p["views"])


def index_no(u, r, pub):
    code = PROV_CODES[u["province"]] if not u.get("adcode") else u["adcode"]
    body = "".join(str(r.randint(0, 9)) for _ in range(8))
    chk = r.choice("0123456789X")
    chk2 = r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY")
    return "11%06d%s%s%s/%d-%05d" % (code, body, chk, chk2, pub.year, r.randint(1, 3000))


def source_name(u, p):
    if u["kind"] == "town" and p["pmode"] != "open":
        return u["name"]
    if u.get("bshort") and p["bshort_title"]:
        return u["bshort"]
    if u["kind"] == "joint":
        return "%s人民政府办公室" % u["name"]
    return u["issuer"]


def sig_block(u, p):
    """Issuer + date printed under the title (the report's own signature)."""
    iss = u["issuer"]
    if u["kind"] == "joint":
        iss = "中共%s委 %s人民政府" % (u["name"], u["name"])
    d = date_cn(p["sigdate"], p["cn"])
    return iss, d


def build_txt(u, p, r):
    b = Builder()
    nl = "\n"
    title = make_title(u, p)
    visible_title = not p["notitle"]
    published = None
    site = site_name(u)
    if p["header"] == "crumb":
        b.add(site, "parent-only-in-site-name" if p.get("pmode") == "site" else None)
        b.add(nl + "首页 > 政务公开 > %s > 法治政府建设" % r.choice(["重点领域信息公开", "法定主动公开内容",
                                                              "政府信息公开"]) + nl)
    if p["header"] == "index":
        b.add("索引号：%s%s" % (index_no(u, r, p["pub"]), nl))
        b.add("发布机构：%s%s" % (source_name(u, p), nl))
        b.add("成文日期：%s%s" % (p["sigdate"].isoformat(), nl))
        b.add("发布日期：%s%s" % (p["pub"].isoformat(), nl),
              "page-date-differs" if p["pub"].year != u["year"] else None)
        b.add("公开方式：主动公开" + nl)
        published = p["pub"]
        if visible_title:
            b.add("名称：")
    if visible_title:
        b.add(title, *title_traps(u, p, title))
        b.add(nl)
    else:
        b.spans.append((0, 0, "no-title"))
    if p["header"] in ("pageinfo", "crumb"):
        b.add(pageinfo_line(u, p, source_name(u, p)) + nl,
              "page-date-differs" if p["pub"].year != u["year"] else None)
        published = p["pub"]
        if r.random() < 0.5:
            b.add("【字体：大 中 小】　【打印】" + nl)
    if p["sig"] and visible_title:
        iss, d = sig_block(u, p)
        st = ["parent-only-in-signature"] if p.get("pmode") == "sig" else []
        if u["kind"] == "joint":
            st.append("joint-issuer")
        if r.random() < 0.5:
            b.add("（%s　%s）" % (iss, d), "page-date-differs" if p["sigdate"].year != u["year"] else None,
                  *st)
        else:
            b.add(iss, *st)
            b.add(nl + d, "page-date-differs" if p["sigdate"].year != u["year"] else None)
        b.add(nl)
        if published is None:
            published = p["pub"] = p["sigdate"]
    if p["blank"] and b.n > 0:
        b.add(nl)
    if p["superior"]:
        line, tr = superior_line(u, p["sup_named"])
        b.add(line, "addressed-to-superior", tr)
        b.add(nl)
    start = b.n
    build_body(u, p, r, b, visible_title)
    full = b.text()
    opening = cut_text(full, start + 40, p["target"], p["truncated"])
    traps = b.traps_within(len(opening))
    if not p["truncated"]:
        opening += nl
    return opening, traps, published, title, han_count(opening)


# ------------------------------------------------------------- html output
HTML_CONTAINERS = ["TRS_Editor", "zoom", "article-content"]


def today_str(d):
    return "%d年%d月%d日 星期%s" % (d.year, d.month, d.day, WEEK[d.weekday()])


def build_html(u, p, r):
    title = make_title(u, p)
    site = site_name(u)
    b = Builder()
    visible_title = not p["title_only_meta"]
    if p["sig"]:
        iss, d = sig_block(u, p)
        b.add(iss, "joint-issuer" if u["kind"] == "joint" else None)
        b.add("\n" + d, "page-date-differs" if p["sigdate"].year != u["year"] else None)
        b.add("\n")
    if p["superior"]:
        line, tr = superior_line(u, p["sup_named"])
        b.add(line, "addressed-to-superior", tr)
        b.add("\n")
    p2 = dict(p)
    p2["indent"] = ""
    p2["blank"] = False
    start = b.n
    build_body(u, p2, r, b, True)  # page title is always present (at least in <title>)
    full = b.text()
    opening = cut_text(full, start + 40, p["target"], p["truncated"])
    traps = b.traps_within(len(opening))
    n_han = han_count(opening)
    paras = [x for x in opening.split("\n") if x.strip()]
    ttraps = title_traps(u, p, title)
    traps += ttraps
    if p["title_only_meta"]:
        traps.append("title-only-in-html-title")
    if p["pub"].year != u["year"] or p["today"].year != u["year"]:
        traps.append("page-date-differs")
    if p.get("pmode") == "site":
        traps.append("parent-only-in-site-name")
    tpl = r.randint(0, 2)
    cont = HTML_CONTAINERS[tpl]
    ptags = []
    for i, x in enumerate(paras):
        if p["sig"] and i < 2:
            ptags.append('<p style="text-align: center;">%s</p>' % x)
        elif re.match(r"^[一二三四五六七八九十]、", x):
            ptags.append('<p style="text-indent: 2em;"><strong>%s</strong></p>' % x)
        else:
            ptags.append('<p style="text-indent: 2em;">%s</p>' % x)
    content = "\n".join(ptags)
    prov = u["province"]
    icp_year = r.choice([2005, 2008, 2011, 2013, 2016, 2019, 2021])
    if icp_year >= 2019:
        icp_no = "%d%06d" % (icp_year, r.randint(1, 99999))
    else:
        icp_no = "%02d%06d" % (icp_year % 100, r.randint(1, 99999))
    icp = "%sICP备%s号-%d" % (ICP[prov], icp_no, r.randint(1, 3))
    code2 = str(PROV_CODES[prov])[:2]
    psb = "%s公网安备 %s%012d号" % (ICP[prov], code2, r.randint(10 ** 9, 10 ** 12 - 1))
    siteid = "%s%08d" % (code2, r.randint(0, 99999999))
    source = source_name(u, p)
    t = p["time"] + (":%02d" % p["sec"] if p["seconds"] else "")
    pub = p["pub"].isoformat()
    sfx = r.choice(["", "门户网站"]) if site.endswith("人民政府") else ""
    site_full = site + sfx
    page_title = "%s_%s" % (title, site_full) if (r.random() < 0.8 or p["title_only_meta"]) else title
    meta_title = "" if p["title_only_meta"] else '<meta name="ArticleTitle" content="%s">\n' % title
    h = ""
    if not p["title_only_meta"]:
        h = ['<h1 class="article-title">%s</h1>' % title, '<div class="xl_title">%s</div>' % title,
             '<h2 class="title">%s</h2>' % title][tpl]
    host = site + "办公室" if site.endswith("人民政府") else site
    col = r.choice(["法治政府建设", "法治政府建设年度报告", "依法行政"])
    if tpl == 0:
        html = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{page_title}</title>
<meta name="SiteName" content="{site_full}">
<meta name="ColumnName" content="{col}">
{meta_title}<meta name="PubDate" content="{pub} {t}">
<link rel="stylesheet" type="text/css" href="/images/2023/css/common.css">
</head>
<body>
<div class="topbar"><div class="w1200"><span class="today">今天是{today}</span><span class="tlinks"><a href="javascript:;">无障碍浏览</a> | <a href="javascript:;">长者模式</a> | <a href="/wap/">手机版</a></span></div></div>
<div class="header"><div class="w1200"><a class="logo" href="/"><img src="/images/2023/logo.png" alt="{site_full}"><span>{site_full}</span></a><div class="search"><input type="text" placeholder="请输入关键字"><button type="button">搜索</button></div></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/ztzl/">专题专栏</a></li></ul></div>
<div class="w1200 position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/fzzfjs/">{col}</a></div>
<div class="w1200 article">
{h}
<div class="article-info"><span>发布时间：{pub} {t}</span><span>来源：{source}</span><span>浏览次数：<em id="hits">{views}</em></span><span>字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></span></div>
<div class="{cont}">
{content}
</div>
<div class="article-tools"><a href="javascript:window.print();">【打印本页】</a> <a href="javascript:window.close();">【关闭窗口】</a></div>
</div>
<div class="footer"><div class="w1200"><p>主办：{host}　承办：{site}大数据中心</p><p>网站标识码：{siteid}　<a href="https://beian.miit.gov.cn/" target="_blank">{icp}</a>　<img src="/images/ga.png" alt="">{psb}</p><p>建议使用1920×1080分辨率浏览本网站</p></div></div>
</body>
</html>
"""
    elif tpl == 1:
        html = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8" />
<title>{page_title}</title>
<meta name="SiteName" content="{site_full}" />
{meta_title}<meta name="ColumnName" content="{col}" />
<script type="text/javascript" src="/js/jquery.min.js"></script>
</head>
<body>
<div class="head_top"><p class="fl" id="todayDate">今天是{today}</p><p class="fr"><a href="javascript:;">繁體</a> | <a href="javascript:;">无障碍</a> | <a href="javascript:;">登录</a></p></div>
<div class="banner"><h1 class="site_name">{site_full}</h1></div>
<div class="menu"><a href="/">网站首页</a><a href="/xxgk/">信息公开</a><a href="/bsfw/">办事服务</a><a href="/gzhd/">公众互动</a></div>
<div class="crumbs">您当前的位置：<a href="/">首页</a> &gt;&gt; <a href="/xxgk/">信息公开</a> &gt;&gt; <span>{col}</span></div>
<div class="xl_main">
{h}
<div class="xl_info">发布日期：{pub}　　信息来源：{source}　　浏览次数：<span>{views}</span>　　【<a href="javascript:;">打印</a>】</div>
<div id="{cont}" class="{cont}">
{content}
</div>
<div class="xl_share">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a></div>
</div>
<div class="foot"><p>版权所有：{site_full}　主办单位：{host}</p><p><a href="https://beian.miit.gov.cn/">{icp}</a>　网站标识码：{siteid}　{psb}</p></div>
</body>
</html>
"""
    else:
        idx = index_no(u, r, p["pub"])
        name_row = "" if p["title_only_meta"] else '<tr><th>名　　称：</th><td colspan="3">%s</td></tr>\n' % title
        html = """<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<title>{page_title}</title>
<meta name="SiteName" content="{site_full}">
{meta_title}<meta name="Keywords" content="法治政府建设,年度报告">
</head>
<body>
<div class="gov-top"><span>今天是{today}</span><span class="right"><a href="javascript:;">适老化</a> <a href="javascript:;">无障碍</a></span></div>
<div class="gov-head"><div class="logo-text">{site_full}</div><div class="subtitle">政府信息公开</div></div>
<div class="gov-crumb">您所在的位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/fdzdgknr/">法定主动公开内容</a> &gt; {col}</div>
<table class="xxgk-meta">
<tr><th>索&nbsp;引&nbsp;号：</th><td>{idx}</td><th>发布机构：</th><td>{source}</td></tr>
<tr><th>成文日期：</th><td>{sigdate}</td><th>公开方式：</th><td>主动公开</td></tr>
{name_row}</table>
<div class="article-box">
{h}
<div class="article-attr">发布时间：{pub} {t}　来源：{source}　阅读次数：{views}</div>
<div class="{cont}">
{content}
</div>
</div>
<div class="gov-foot"><p>主办：{host}　联系电话：0{tel}</p><p>网站标识码：{siteid}　{icp}　{psb}</p></div>
</body>
</html>
"""
    html = html.format(page_title=page_title, site_full=site_full, site=site, col=col, meta_title=meta_title,
                       pub=pub, t=t, today=today_str(p["today"]), h=h, source=source, views=p["views"],
                       cont=cont, content=content, host=host, siteid=siteid, icp=icp, psb=psb,
                       idx=(idx if tpl == 2 else ""), name_row=(name_row if tpl == 2 else ""),
                       sigdate=p["sigdate"].isoformat(), tel="%d-%d" % (r.randint(10, 999), r.randint(1000000, 8999999)))
    if not h:
        html = html.replace("\n\n<div class=\"article-info\"", "\n<div class=\"article-info\"") \
                   .replace("\n\n<div class=\"xl_info\"", "\n<div class=\"xl_info\"") \
                   .replace("\n\n<div class=\"article-attr\"", "\n<div class=\"article-attr\"")
    return html, traps, p["pub"], title, n_han


# ------------------------------------------------------------------- main
def order_traps(ts):
    s = set(t for t in ts if t)
    unknown = s - set(TRAP_ORDER)
    if unknown:
        raise ValueError(unknown)
    return [t for t in TRAP_ORDER if t in s]


def generate(out):
    r = random.Random(SEED)
    units = [dict(u) for u in UNITS]
    assert len(units) == 120, len(units)
    r.shuffle(units)
    idx = list(range(120))
    html_idx = set(r.sample(idx, N_HTML))
    rest = [i for i in idx if i not in html_idx]
    gbk_idx = set(r.sample(rest, N_GBK))
    docs = []
    files = {}
    for i, u in enumerate(units):
        fmt = "html" if i in html_idx else ("txt-gbk" if i in gbk_idx else "txt")
        dr = random.Random("%d/%d" % (SEED, i))
        p = make_plan(u, fmt, dr)
        if fmt == "html":
            text, traps, published, title, n_han = build_html(u, p, dr)
            fname = "r_%03d.html" % (i + 1)
            data = text.encode("utf-8")
        else:
            text, traps, published, title, n_han = build_txt(u, p, dr)
            fname = "r_%03d.txt" % (i + 1)
            if fmt == "txt-gbk":
                data = text.replace("\n", "\r\n").encode("gbk")
                try:
                    data.decode("utf-8")
                    raise RuntimeError("GBK file decodes as UTF-8: " + fname)
                except UnicodeDecodeError:
                    pass
            else:
                data = text.encode("utf-8")
        assert MIN_HAN <= n_han <= MAX_HAN, (fname, n_han)
        if "common" in u.get("flags", ()):
            traps.append("common-place-name")
        if "renamed" in u.get("flags", ()):
            traps.append("renamed-unit")
        files[fname] = data
        docs.append({
            "file": fname,
            "category": u["category"],
            "format": fmt,
            "traps": order_traps(traps),
            "region": {
                "name": u["name"],
                "full_name": full_name(u),
                "level": u["level"],
                "city": (None if u["level"] == "province" else u["city"]),
                "province": u["province"],
                "adcode": u["adcode"],
            },
            "issuer": u["issuer"],
            "year": u["year"],
            "published": published.isoformat() if published else None,
            "truncated": bool(p["truncated"]),
            "mechanisms": [],
        })
    gold = {"schema_version": 1, "documents": docs}
    files["gold.json"] = (json.dumps(gold, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files["README.md"] = readme(docs).encode("utf-8")
    os.makedirs(out, exist_ok=True)
    for name in sorted(files):
        with open(os.path.join(out, name), "wb") as f:
            f.write(files[name])
    return docs


def counter(items):
    d = {}
    for x in items:
        d[x] = d.get(x, 0) + 1
    return d


def table(d, order=None, head=("value", "count")):
    keys = order if order else sorted(d)
    rows = ["| %s | %s |" % head, "|---|---|"]
    for k in keys:
        if k in d:
            rows.append("| %s | %d |" % (k, d[k]))
    return "\n".join(rows)


def readme(docs):
    lv = counter(d["region"]["level"] for d in docs)
    fm = counter(d["format"] for d in docs)
    cat = counter(d["category"] for d in docs)
    yr = counter(d["year"] for d in docs)
    tr = counter(t for d in docs for t in d["traps"])
    provs = counter(d["region"]["province"] for d in docs)
    trunc = sum(1 for d in docs if d["truncated"])
    pubnull = sum(1 for d in docs if d["published"] is None)
    samey = sum(1 for d in docs if d["published"] and int(d["published"][:4]) == d["year"])
    level_order = ["province", "city", "county", "district", "town", "subdistrict", "zone"]
    trap_desc = {
        "no-title": "text starts directly with the body; no title line",
        "title-only-in-html-title": "html page without an article heading; the title is only in <title>",
        "addressed-to-superior": "report carries an addressee line such as “市人民政府：”",
        "page-date-differs": "a page/publication/signature date (or the “今天是…” line) whose year is not the report year",
        "other-years-mentioned": "other years in the text: outline periods (2015—2020年, 2021—2025年), 普法 periods, year-on-year comparisons, plan titles",
        "other-place-parent": "the superior unit is named (city above a county, parent of a town, province above a city)",
        "other-place-neighbour": "a neighbouring or similarly named unit is named (e.g. 鄂托克前旗 next to 鄂托克旗, 伊宁市 next to 伊宁县)",
        "other-place-partner": "a partner province/city of 东西部协作 / 对口支援 is named",
        "other-place-app": "a provincial service app is named (浙里办, 粤省事, 渝快办 …)",
        "short-body-name": "the issuing body is written in short form (区司法局, 市医保局, 县市场监管局 …)",
        "short-place-name": "the unit is written by its short name (湘西州, 科左中旗, 石柱县 …)",
        "zone-abbreviation": "a development zone is written by its abbreviation (成都高新区, 长沙经开区 …)",
        "joint-issuer": "joint party–government issuer (中共X县委 X县人民政府)",
        "chinese-numeral-year": "years written in Chinese numerals (二〇二一年)",
        "common-place-name": "the unit's name exists in several provinces (长安镇, 周庄镇, 和平区, 朝阳区 …)",
        "parent-only-in-signature": "a town whose parent county/city appears only in the signature line under the title",
        "parent-only-in-site-name": "a town whose parent appears only in the site name / masthead / <title> suffix",
        "renamed-unit": "unit later renamed or merged, written by the name of its year (临安市, 即墨市, 长治县, 滦县, 那曲地区, 莱芜市)",
    }
    out = []
    out.append("# regions4 — blind evaluation set: openings of local rule-of-law reports\n")
    out.append("120 invented openings of Chinese local-government annual rule-of-law reports "
               "(法治政府建设年度报告 / 依法行政工作情况报告), each the first 150–450 Chinese "
               "characters a user would have after copying or saving the report from a government "
               "website, annotated in `gold.json` for region, year and issuer.\n")
    out.append("## How it was made\n")
    out.append("* `tools/units.py` is a hand-written table of 120 reporting units (real administrative "
               "units, invented reports). Region codes are the author's own knowledge of GB/T 2260 codes "
               "(current codes; for renamed/merged units the code of the report year). No network, no "
               "external data, no other directory was consulted.\n"
               "* `tools/generate.py` (standard-library Python, `SEED = %d`) shuffles the units, assigns "
               "formats (%d html, %d GBK txt, rest UTF-8 txt), draws per-document options (title style, "
               "header style, addressee, Chinese-numeral years, app/partner/neighbour mentions, dates, "
               "truncation point) from a per-document `random.Random`, assembles the report text from "
               "phrase templates appropriate to the year (e.g. 十九大/二十大 wording, 纲要 period, 七五/八五 "
               "普法), and cuts it to the opening. Every trap is recorded only if the text that carries it "
               "survives the cut.\n"
               "* `tools/check.py` validates the set; `python3 tools/check.py --reproduce` also rebuilds "
               "everything into a scratch directory and compares byte by byte.\n"
               % (SEED, N_HTML, N_GBK))
    out.append("Rebuild: `python3 tools/generate.py` (writes into this directory). Check: "
               "`python3 tools/check.py --reproduce`.\n")
    out.append("## Files\n")
    out.append("* `r_001` … `r_120` — `.txt` (UTF-8, LF; or GBK with CRLF) or `.html` (UTF-8 saved page).\n"
               "* `gold.json` — `{\"schema_version\": 1, \"documents\": [...]}`, one record per file.\n")
    out.append("### Formats\n")
    out.append(table(fm, ["txt", "txt-gbk", "html"], ("format", "files")) + "\n")
    out.append("Plain-text files imitate copy/paste from a site: some have only a title, some keep the "
               "page's 发布时间/来源/浏览次数 line, a breadcrumb and site name, or the 政府信息公开 index block "
               "(索引号/发布机构/成文日期/发布日期). HTML files are full saved pages with a masthead, a "
               "“今天是…” date line, a breadcrumb, a 发布时间/来源/浏览次数 line, the article container "
               "(`div.TRS_Editor`, `div.zoom` or `div.article-content`) and a footer with 网站标识码/ICP/"
               "公网安备; the `<title>` usually ends with `_site name`.\n")
    out.append("### Levels\n")
    out.append(table(lv, level_order, ("region.level", "documents")) + "\n")
    out.append("Categories (finer labels in `category`):\n")
    out.append(table(cat, None, ("category", "documents")) + "\n")
    out.append("Planned mix: 12 province-level (governments and 厅/局), 24 prefecture-level (cities, "
               "自治州 written by short name, 地区, 盟, city departments incl. a 税务局), 42 county-level "
               "(县, 自治县, 旗, 县级市, 市辖区, municipality districts, county departments), 30 towns / "
               "townships / 苏木 / 街道, 12 development zones / 新区 / 高新区 / 经开区 (the brief's 10/20/35/25/10 "
               "proportions scaled to 120). Renamed or merged units are counted inside their level. All 31 province-level units occur.\n")
    out.append("### Years\n")
    out.append(table(yr, None, ("report year", "documents")) + "\n")
    out.append("Publication dates lie in the year after the report year or (for %d documents) late in the "
               "same year; `published` is null for %d documents whose opening shows no date.\n" % (samey, pubnull))
    out.append("### Provinces\n")
    out.append(table(provs, None, ("province", "documents")) + "\n")
    out.append("### Traps\n")
    rows = ["| trap | documents | meaning |", "|---|---|---|"]
    for t in TRAP_ORDER:
        rows.append("| %s | %d | %s |" % (t, tr.get(t, 0), trap_desc[t]))
    out.append("\n".join(rows) + "\n")
    out.append("%d openings are cut mid-sentence (`truncated: true`, never ending with 。); the other %d end "
               "at a sentence boundary (。).\n" % (trunc, len(docs) - trunc))
    out.append("## Gold conventions\n")
    out.append(
        "* `region` is the unit the issuer serves: a city department → the city (city adcode); a county/"
        "district department → that county/district; a province department → the province.\n"
        "* `level`: province | city (incl. 自治州, 地区, 盟) | county (县, 自治县, 旗, 县级市) | district (市辖区, "
        "incl. districts of municipalities) | town (镇, 乡, 苏木) | subdistrict (街道) | zone.\n"
        "* `city`: the prefecture-level unit's full name; for a city-level region its own name; null for "
        "province-level regions, for units directly under a municipality, for units directly under a "
        "province (琼海市 and its towns) and for zones not inside one city (天津开发区, 两江新区, 雄安新区).\n"
        "* `adcode`: six-digit code of the region; towns and subdistricts carry their parent county/district "
        "code (towns of 东莞市 carry 441900, of 琼海市 469002); zones have null. Renamed units carry the code "
        "of their report year (临安市 330185, 即墨市 370282, 长治县 140421, 滦县 130223, 那曲地区 542400, "
        "莱芜市 371200).\n"
        "* `full_name`: province + city + county + name chain (no duplicate when the parent is the city).\n"
        "* `issuer`: full name of the issuing body; joint issuers are written as "
        "`中国共产党X县委员会、X县人民政府`.\n"
        "* `published`: the page's 发布时间/发布日期 when the opening shows one, otherwise the date printed "
        "under the title, otherwise null.\n"
        "* `truncated`: true when the opening stops in the middle of a sentence.\n"
        "* Opening length is the number of CJK ideographs (U+4E00–U+9FFF plus 〇) in the whole text file, or "
        "in the article container of an html page.\n"
        "* `mechanisms` is always an empty list (reserved).\n")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    a = ap.parse_args()
    docs = generate(a.out)
    print("wrote %d documents to %s" % (len(docs), a.out))


if __name__ == "__main__":
    main()
