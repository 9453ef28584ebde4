#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generator for the regions3 blind evaluation set.

Writes r_001 ... r_120 (.txt / .html) report openings and gold.json.

    python3 tools/generate.py              # writes into the folder above tools/
    python3 tools/generate.py --out DIR    # writes into DIR

Everything is deterministic: all randomness comes from random.Random(SEED).
Standard library only.
"""
import argparse
import datetime
import json
import os
import random
import re
import sys

SEED = 20250603
N_DOCS = 120
N_HTML = 10
N_GBK = 10
N_BOM = 3
N_EXTRA_CHROME = 20       # chrome docs on top of the html pages / forced ones
N_TODAY = 10
N_NOTITLE = 12
N_YEARBODY = 10
N_YEARCN = 10
N_ADDRESSED = 16

PROVINCES = {
    "北京市": 110000, "天津市": 120000, "河北省": 130000, "山西省": 140000,
    "内蒙古自治区": 150000, "辽宁省": 210000, "吉林省": 220000, "黑龙江省": 230000,
    "上海市": 310000, "江苏省": 320000, "浙江省": 330000, "安徽省": 340000,
    "福建省": 350000, "江西省": 360000, "山东省": 370000, "河南省": 410000,
    "湖北省": 420000, "湖南省": 430000, "广东省": 440000, "广西壮族自治区": 450000,
    "海南省": 460000, "重庆市": 500000, "四川省": 510000, "贵州省": 520000,
    "云南省": 530000, "西藏自治区": 540000, "陕西省": 610000, "甘肃省": 620000,
    "青海省": 630000, "宁夏回族自治区": 640000, "新疆维吾尔自治区": 650000,
}
MUNIS = {"北京市", "天津市", "上海市", "重庆市"}


def prov_type(p):
    if p in MUNIS:
        return "直辖市"
    if p.endswith("自治区"):
        return "自治区"
    return "省"


def county_type(n):
    for suf in ("旗", "区", "市", "县"):
        if n.endswith(suf):
            return suf
    raise ValueError(n)


def city_type(n):
    if n.endswith("自治州"):
        return "州"
    if n.endswith("盟"):
        return "盟"
    if n.endswith("地区"):
        return "地区"
    return "市"


def town_type(n):
    if n.endswith("苏木"):
        return "苏木"
    if n.endswith("街道"):
        return "街道"
    return n[-1]          # 镇 / 乡


LEAD = {"县": "县委、县政府", "市": "市委、市政府", "区": "区委、区政府", "旗": "旗委、旗政府",
        "州": "州委、州政府", "盟": "盟委、行署", "地区": "地委、行署", "省": "省委、省政府",
        "自治区": "自治区党委、政府", "直辖市": "市委、市政府"}
PARTY = {"县": "县委", "市": "市委", "区": "区委", "旗": "旗委", "州": "州委", "盟": "盟委",
         "地区": "地委", "省": "省委", "自治区": "自治区党委", "直辖市": "市委"}
SELF = {"县": "我县", "市": "我市", "区": "我区", "旗": "我旗", "州": "我州", "盟": "我盟",
        "地区": "我地区", "省": "我省", "自治区": "我区", "直辖市": "我市", "镇": "我镇",
        "乡": "我乡", "苏木": "我苏木", "街道": "我街道"}
ALL = {"县": "全县", "市": "全市", "区": "全区", "旗": "全旗", "州": "全州", "盟": "全盟",
       "地区": "全地区", "省": "全省", "自治区": "全区", "直辖市": "全市", "镇": "全镇",
       "乡": "全乡", "苏木": "全苏木", "街道": "全街道"}
# notice issuers by the type of the body that asks for the report:
# (from 2019: rule-of-law commission office, 2018: justice bureau, before: legal affairs office)
NOTICE = {
    "市": ("市委全面依法治市委员会办公室", "市司法局", "市人民政府法制办公室"),
    "县": ("县委全面依法治县委员会办公室", "县司法局", "县人民政府法制办公室"),
    "区": ("区委全面依法治区委员会办公室", "区司法局", "区人民政府法制办公室"),
    "旗": ("旗委全面依法治旗委员会办公室", "旗司法局", "旗人民政府法制办公室"),
    "州": ("州委全面依法治州委员会办公室", "州司法局", "州人民政府法制办公室"),
    "盟": ("盟委全面依法治盟委员会办公室", "盟司法局", "盟行政公署法制办公室"),
    "省": ("省委全面依法治省委员会办公室", "省司法厅", "省人民政府法制办公室"),
    "自治区": ("自治区党委全面依法治区委员会办公室", "自治区司法厅", "自治区人民政府法制办公室"),
    "直辖市": ("市委全面依法治市委员会办公室", "市司法局", "市人民政府法制办公室"),
    "国": ("中央全面依法治国委员会办公室", "司法部", "国务院法制办公室"),
}

ERA = {
    2016: "党的十八大和十八届三中、四中、五中、六中全会精神",
    2017: "党的十九大精神",
    2018: "党的十九大和十九届二中、三中全会精神",
    2019: "党的十九大和十九届二中、三中、四中全会精神",
    2020: "党的十九大和十九届二中、三中、四中、五中全会精神",
    2021: "党的十九大和十九届历次全会精神",
    2022: "党的二十大精神",
    2023: "党的二十大精神",
    2024: "党的二十大和二十届二中、三中全会精神",
    2025: "党的二十大和二十届历次全会精神",
}
CN_DIGITS = "〇一二三四五六七八九"
WEEKDAYS = "一二三四五六日"
CJK_RE = re.compile(r"[\u3007\u4e00-\u9fff]")


def cn_year(y, zero="〇"):
    return "".join(CN_DIGITS[int(c)] for c in str(y)).replace("〇", zero)


def outline(y):
    return "2015—2020年" if y <= 2020 else "2021—2025年"


def pufa(y):
    return "七五" if y <= 2020 else "八五"


# ---------------------------------------------------------------------------
# The places.  Every adcode below is the code the unit had in the report year.
# ---------------------------------------------------------------------------
DOCS = []


def _add(**kw):
    kw.setdefault("forced", [])
    kw.setdefault("site_sup", None)
    kw.setdefault("newname", None)
    kw.setdefault("named_lead", None)
    kw.setdefault("title_prefix", None)
    kw.setdefault("profile", None)
    DOCS.append(kw)
    return kw


def prov_gov(p, year, cat=None):
    t = prov_type(p)
    _add(level="province", name=p, full_name=p, city=None, province=p, adcode=PROVINCES[p],
         year=year, cat=cat or ("municipality-gov" if t == "直辖市" else "province-gov"),
         issuer=p + "人民政府", kind="prov", W=p, self_=SELF[t], all_=ALL[t], otype=t, ptype="国",
         leads=["在以习近平同志为核心的党中央坚强领导下",
                "在党中央、国务院的坚强领导下，在%s的直接领导下" % PARTY[t]],
         sup_gov="党中央、国务院", site=p + "人民政府",
         srcs=[p + "人民政府办公厅", p + ("司法局" if t == "直辖市" else "司法厅"), "本网"])


def prov_dept(p, dept, year):
    t = prov_type(p)
    iss = p + dept
    _add(level="province", name=p, full_name=p, city=None, province=p, adcode=PROVINCES[p],
         year=year, cat="province-dept", issuer=iss, kind="dept", W=iss, self_="我厅",
         all_="全系统", otype=t, ptype=t, forced=["department"],
         leads=["在%s的坚强领导下" % LEAD[t], "在%s的坚强领导和司法部的指导下" % LEAD[t]
                if dept == "司法厅" else "在%s的坚强领导和上级业务主管部门的指导下" % LEAD[t]],
         sup_gov=p + "人民政府", site=iss, site_sup=p + "人民政府",
         srcs=[iss, iss + "办公室", "政策法规处"],
         profile="%s内设处室%%(a)d个，直属单位%%(b)d个。" % iss)


def city_gov(name, p, adcode, year, cat, alias=None, extra=()):
    t = city_type(name)
    W = alias or name
    gov = "行政公署" if t in ("盟", "地区") else "人民政府"
    iss = W + gov
    forced = list(extra)
    if alias:
        forced.append("short-name")
    sub = {"市": "个县（市、区）", "州": "个县（市）", "盟": "个旗县市", "地区": "个县（市）"}[t]
    _add(level="city", name=name, full_name=p + name, city=name, province=p, adcode=adcode,
         year=year, cat=cat, issuer=iss, kind="gov", W=W, self_=SELF[t], all_=ALL[t], otype=t,
         ptype=prov_type(p), forced=forced,
         leads=["在%s和%s的坚强领导下" % (LEAD[prov_type(p)], PARTY[t]),
                "在%s的坚强领导下，在%s的监督支持下" % (PARTY[t], {"盟": "盟人大工委", "地区": "地区人大工委"}.get(t, t + "人大及其常委会"))],
         sup_gov=p + "人民政府", site=iss, site_sup=p + "人民政府",
         srcs=[W + "司法局", iss + "办公室", "本网"],
         profile="%s辖%%(a)d%s，总面积%%(km)d平方公里，常住人口%%(m)s万人。" % (W, sub))


def city_dept(name, p, adcode, dept, year):
    t = city_type(name)
    iss = name + dept
    _add(level="city", name=name, full_name=p + name, city=name, province=p, adcode=adcode,
         year=year, cat="city-dept", issuer=iss, kind="dept", W=iss, self_="我局", all_="全系统",
         otype=t, ptype=t, forced=["department"],
         leads=["在%s的坚强领导下" % LEAD[t], "在%s的坚强领导和上级业务主管部门的指导下" % LEAD[t]],
         sup_gov=name + "人民政府", site=iss, site_sup=name + "人民政府",
         srcs=[iss, iss + "办公室", "法规科"],
         profile="%s内设科室%%(a)d个，下属单位%%(b)d个。" % iss)


def county(name, city, p, adcode, year, cat, dept=None, newname=None, extra=()):
    t = county_type(name)
    level = "district" if t == "区" else "county"
    if city is None:
        pt = prov_type(p)
        sup_gov = p + "人民政府"
        site_sup = p + "人民政府"
    else:
        pt = city_type(city)
        sup_gov = city + ("行政公署" if pt in ("盟", "地区") else "人民政府")
        site_sup = sup_gov
    full = p + (city or "") + name
    forced = list(extra)
    if newname:
        forced.append("renamed-unit")
    if dept:
        iss = name + dept
        forced.append("department")
        _add(level=level, name=name, full_name=full, city=city, province=p, adcode=adcode,
             year=year, cat=cat, issuer=iss, kind="dept", W=iss, self_="我局", all_="全系统",
             otype=t, ptype=t, forced=forced,
             leads=["在%s的坚强领导下" % LEAD[t], "在%s的坚强领导和上级业务主管部门的指导下" % LEAD[t]],
             sup_gov=name + "人民政府", site=(city or (p if p in MUNIS else "")) + name + "人民政府",
             site_sup=site_sup,
             srcs=[iss, name + "人民政府办公室"],
             profile="%s内设股室%%(a)d个，下属单位%%(b)d个。" % iss)
        return
    sub = {"县": "个乡镇", "市": "个镇（街道）", "区": "个街道（镇）", "旗": "个苏木镇"}[t]
    if t == "区" and name in ("浦东新区",):
        sub = "个街道、镇"
    upper = "上级党委、政府" if (pt == t or (pt == "直辖市" and t == "市")) else LEAD[pt]
    _add(level=level, name=name, full_name=full, city=city, province=p, adcode=adcode,
         year=year, cat=cat, issuer=name + "人民政府", kind="gov", W=name, self_=SELF[t],
         all_=ALL[t], otype=t, ptype=pt, forced=forced, newname=newname,
         leads=["在%s和%s的坚强领导下" % (upper, PARTY[t]),
                "在%s的坚强领导下和%s人大及其常委会的监督支持下" % (PARTY[t], t)],
         sup_gov=sup_gov, site=((city or (p if p in MUNIS else "")) + name if t == "区" else name) + "人民政府",
         site_sup=site_sup,
         srcs=[name + "司法局", name + "人民政府办公室", "本网"],
         profile="%s辖%%(a)d%s、%%(b)d个行政村（社区），户籍人口%%(m)s万人。" % (name, sub))


def town(name, parent, city, p, adcode, year, cat, shared=False, extra=()):
    tt = town_type(name)
    parent_name = parent or city          # 东莞市: towns directly under the city
    pt = county_type(parent_name) if parent else "市"
    full = p + (city or "") + (parent or "") + name
    forced = list(extra)
    if shared:
        forced.append("shared-name")
    party = {"镇": "镇党委", "乡": "乡党委", "苏木": "苏木党委", "街道": "街道党工委"}[tt]
    gov = "办事处" if tt == "街道" else "人民政府"
    level = "subdistrict" if tt == "街道" else "town"
    if tt == "街道":
        prof = "%s辖区面积%%(x)s平方公里，下辖%%(a)d个社区，常住人口%%(m)s万人。" % name
    elif tt == "乡":
        prof = "%s辖%%(a)d个行政村，户籍人口%%(n)d人。" % name
    elif tt == "苏木":
        prof = "%s辖%%(a)d个嘎查，户籍人口%%(n)d人。" % name
    else:
        prof = "%s辖%%(a)d个行政村和%%(b)d个社区，户籍人口%%(m)s万人。" % name
    pre = city or (p if p in MUNIS else "")
    site_owner = (pre + parent if (parent and pt == "区") else parent_name) + "人民政府"
    _add(level=level, name=name, full_name=full, city=city, province=p, adcode=adcode,
         year=year, cat=cat, issuer=name + gov, kind="subd" if tt == "街道" else "town", W=name,
         self_=SELF[tt], all_=ALL[tt], otype=tt, ptype=pt, forced=forced, parent=parent_name,
         leads=["在%s的坚强领导下" % LEAD[pt], "在%s的坚强领导下" % party],
         named_lead="在中共%s委员会、%s人民政府的坚强领导下" % (parent_name, parent_name),
         title_prefix=parent_name + name,
         sup_gov=parent_name + "人民政府", site=site_owner, site_sup=site_owner,
         srcs=[name + gov, name + "党政办", parent_name + "司法局"], profile=prof)


def zone(name, full, city, p, issuer, year, cat, short, alias=None):
    t = "市" if city else prov_type(p)
    _add(level="zone", name=name, full_name=full, city=city, province=p, adcode=None,
         year=year, cat=cat, issuer=issuer, kind="zone", W=alias or name, self_="我区",
         all_="全区", otype="区", ptype=t, forced=["zone"] + (["short-name"] if alias else []),
         zshort=short,
         leads=["在%s的坚强领导下" % LEAD[t], "在%s党工委的坚强领导下" % short],
         sup_gov=(city or p) + "人民政府", site=issuer, site_sup=(city or p) + "人民政府",
         srcs=[issuer, issuer + "办公室", "综合办公室"],
         profile="%s规划面积%%(km)d平方公里，%%(extra)s。" % (alias or name))


# ---- province level (10)
prov_gov("青海省", 2019)
prov_gov("宁夏回族自治区", 2021)
prov_gov("天津市", 2018)
prov_gov("山西省", 2016)
prov_gov("贵州省", 2022)
prov_dept("甘肃省", "司法厅", 2020)
prov_dept("江西省", "自然资源厅", 2021)
prov_dept("吉林省", "市场监督管理厅", 2019)
prov_dept("广西壮族自治区", "生态环境厅", 2023)
prov_dept("西藏自治区", "交通运输厅", 2022)

# ---- prefecture level (20)
city_gov("衡水市", "河北省", 131100, 2019, "prefecture-city")
city_gov("莱芜市", "山东省", 371200, 2017, "renamed-prefecture-city", extra=["renamed-unit"])
DOCS[-1]["newname"] = "济南市莱芜区人民政府"
city_gov("延边朝鲜族自治州", "吉林省", 222400, 2020, "autonomous-prefecture")
city_gov("红河哈尼族彝族自治州", "云南省", 532500, 2021, "autonomous-prefecture-short", alias="红河州")
city_gov("黔东南苗族侗族自治州", "贵州省", 522600, 2018, "autonomous-prefecture-short", alias="黔东南州")
city_gov("甘南藏族自治州", "甘肃省", 623000, 2023, "autonomous-prefecture")
city_gov("巴音郭楞蒙古自治州", "新疆维吾尔自治区", 652800, 2019, "autonomous-prefecture-short",
         alias="巴州", extra=["name-collision"])
city_gov("锡林郭勒盟", "内蒙古自治区", 152500, 2019, "league")
city_gov("兴安盟", "内蒙古自治区", 152200, 2021, "league")
city_gov("阿里地区", "西藏自治区", 542500, 2020, "prefecture-area")
city_gov("那曲地区", "西藏自治区", 542400, 2016, "renamed-prefecture-area", extra=["renamed-unit"])
DOCS[-1]["newname"] = "那曲市人民政府"
city_gov("和田地区", "新疆维吾尔自治区", 653200, 2023, "prefecture-area")
city_gov("丽水市", "浙江省", 331100, 2020, "prefecture-city")
city_gov("宿州市", "安徽省", 341300, 2024, "prefecture-city")
city_gov("来宾市", "广西壮族自治区", 451300, 2016, "prefecture-city")
city_gov("朝阳市", "辽宁省", 211300, 2018, "prefecture-city", extra=["name-collision"])
city_gov("吉林市", "吉林省", 220200, 2021, "prefecture-city", extra=["name-collision"])
city_gov("梅州市", "广东省", 441400, 2025, "prefecture-city")
city_dept("辽阳市", "辽宁省", 211000, "市场监督管理局", 2020)
city_dept("六盘水市", "贵州省", 520200, "司法局", 2021)

# ---- districts (20)
county("奉贤区", None, "上海市", 310120, 2020, "municipality-district")
county("门头沟区", None, "北京市", 110109, 2017, "municipality-district")
county("蓟州区", None, "天津市", 120119, 2021, "municipality-district")
county("浦东新区", None, "上海市", 310115, 2022, "new-area-district", extra=["new-area-district"])
county("北碚区", None, "重庆市", 500109, 2019, "district-dept", dept="司法局")
county("平桂区", "贺州市", "广西壮族自治区", 451103, 2018, "city-district")
county("叙州区", "宜宾市", "四川省", 511504, 2020, "city-district")
county("广信区", "上饶市", "江西省", 361104, 2021, "city-district")
county("淮阳区", "周口市", "河南省", 411603, 2022, "city-district")
county("七星关区", "毕节市", "贵州省", 520502, 2023, "city-district")
county("红寺堡区", "吴忠市", "宁夏回族自治区", 640303, 2024, "city-district")
county("江源区", "白山市", "吉林省", 220605, 2017, "city-district")
county("东昌府区", "聊城市", "山东省", 371502, 2022, "city-district")
county("郧阳区", "十堰市", "湖北省", 420304, 2016, "city-district")
county("巴宜区", "林芝市", "西藏自治区", 540402, 2021, "city-district")
county("伊州区", "哈密市", "新疆维吾尔自治区", 650502, 2019, "city-district")
county("梅里斯达斡尔族区", "齐齐哈尔市", "黑龙江省", 230208, 2020, "ethnic-district")
county("海棠区", "三亚市", "海南省", 460202, 2020, "city-district")
county("红古区", "兰州市", "甘肃省", 620111, 2021, "district-dept", dept="司法局")
county("巴州区", "巴中市", "四川省", 511902, 2018, "city-district", extra=["name-collision"])

# ---- counties, county-level cities, autonomous counties, banners (33)
county("平泉县", "承德市", "河北省", 130823, 2016, "renamed-county", newname="平泉市人民政府")
county("任县", "邢台市", "河北省", 130526, 2018, "renamed-county", newname="邢台市任泽区人民政府")
county("太谷县", "晋中市", "山西省", 140726, 2018, "renamed-county", newname="晋中市太谷区人民政府")
county("嫩江县", "黑河市", "黑龙江省", 231121, 2018, "renamed-county", newname="嫩江市人民政府")
county("海门市", "南通市", "江苏省", 320684, 2019, "renamed-county-city", newname="南通市海门区人民政府")
county("玉环县", "台州市", "浙江省", 331021, 2016, "renamed-county", newname="玉环市人民政府")
county("上饶县", "上饶市", "江西省", 361121, 2018, "renamed-county", newname="上饶市广信区人民政府")
county("淮阳县", "周口市", "河南省", 411626, 2018, "renamed-county", newname="周口市淮阳区人民政府")
county("宜宾县", "宜宾市", "四川省", 511521, 2017, "renamed-county", newname="宜宾市叙州区人民政府")
county("神木县", "榆林市", "陕西省", 610821, 2016, "renamed-county", newname="神木市人民政府")
county("库车县", "阿克苏地区", "新疆维吾尔自治区", 652923, 2018, "renamed-county", newname="库车市人民政府")
county("公主岭市", "四平市", "吉林省", 220381, 2019, "transferred-county-city", extra=["renamed-unit"])
DOCS[-1]["newname"] = "长春市公主岭市人民政府"
county("额济纳旗", "阿拉善盟", "内蒙古自治区", 152923, 2020, "banner")
county("科尔沁左翼后旗", "通辽市", "内蒙古自治区", 150522, 2017, "banner")
county("本溪满族自治县", "本溪市", "辽宁省", 210521, 2019, "autonomous-county")
county("长白朝鲜族自治县", "白山市", "吉林省", 220623, 2025, "autonomous-county")
county("睢宁县", "徐州市", "江苏省", 320324, 2017, "county")
county("景宁畲族自治县", "丽水市", "浙江省", 331127, 2018, "autonomous-county")
county("寻乌县", "赣州市", "江西省", 360734, 2019, "county")
county("鹤峰县", "恩施土家族苗族自治州", "湖北省", 422828, 2017, "county")
county("通道侗族自治县", "怀化市", "湖南省", 431230, 2024, "autonomous-county")
county("屯昌县", None, "海南省", 469022, 2020, "province-direct-county", extra=["province-direct"])
county("城口县", None, "重庆市", 500229, 2018, "municipality-county")
county("美姑县", "凉山彝族自治州", "四川省", 513436, 2021, "county")
county("丹寨县", "黔东南苗族侗族自治州", "贵州省", 522636, 2019, "county")
county("西盟佤族自治县", "普洱市", "云南省", 530829, 2024, "autonomous-county")
county("阿克塞哈萨克族自治县", "酒泉市", "甘肃省", 620924, 2018, "autonomous-county")
county("玛多县", "果洛藏族自治州", "青海省", 632626, 2021, "county")
county("泾源县", "固原市", "宁夏回族自治区", 640424, 2025, "county")
county("侯马市", "临汾市", "山西省", 141081, 2021, "county-city")
county("凭祥市", "崇左市", "广西壮族自治区", 451481, 2020, "county-city")
county("东至县", "池州市", "安徽省", 341721, 2020, "county-dept", dept="司法局")
county("兴宁市", "梅州市", "广东省", 441481, 2021, "county-dept", dept="住房和城乡建设局")

# ---- zones (10)
zone("兰州新区", "甘肃省兰州新区", "兰州市", "甘肃省", "兰州新区管理委员会", 2019,
     "national-new-area", "新区")
zone("郑州航空港经济综合实验区", "河南省郑州航空港经济综合实验区", "郑州市", "河南省",
     "郑州航空港经济综合实验区管理委员会", 2021, "national-zone", "实验区")
zone("洋浦经济开发区", "海南省洋浦经济开发区", None, "海南省", "洋浦经济开发区管理委员会", 2018,
     "national-development-zone", "开发区")
zone("贵州贵安新区", "贵州贵安新区", None, "贵州省", "贵州贵安新区管理委员会", 2017,
     "national-new-area", "新区", alias="贵安新区")
zone("陕西西咸新区", "陕西西咸新区", None, "陕西省", "陕西西咸新区管理委员会", 2020,
     "national-new-area", "新区", alias="西咸新区")
zone("四川天府新区", "四川天府新区", None, "四川省", "四川天府新区成都管理委员会", 2022,
     "national-new-area", "新区", alias="天府新区")
zone("重庆两江新区", "重庆两江新区", None, "重庆市", "重庆两江新区管理委员会", 2023,
     "national-new-area", "新区", alias="两江新区")
zone("哈尔滨新区", "黑龙江省哈尔滨新区", "哈尔滨市", "黑龙江省", "哈尔滨新区管理委员会", 2020,
     "national-new-area", "新区")
zone("芜湖经济技术开发区", "安徽省芜湖经济技术开发区", "芜湖市", "安徽省",
     "芜湖经济技术开发区管理委员会", 2019, "national-development-zone", "开发区")
zone("石嘴山经济技术开发区", "宁夏回族自治区石嘴山经济技术开发区", "石嘴山市", "宁夏回族自治区",
     "石嘴山经济技术开发区管理委员会", 2024, "national-development-zone", "开发区")

# ---- towns, townships, sumu (17)
town("朝阳镇", "辉南县", "通化市", "吉林省", 220523, 2019, "town-shared-name", shared=True)
town("城关镇", "永登县", "兰州市", "甘肃省", 620121, 2021, "town-shared-name", shared=True)
town("城关镇", "房县", "十堰市", "湖北省", 420325, 2018, "town-shared-name", shared=True)
town("柳林镇", "柳林县", "吕梁市", "山西省", 141125, 2020, "town-shared-name", shared=True)
town("城厢镇", "太仓市", "苏州市", "江苏省", 320585, 2022, "town-shared-name", shared=True)
town("太平镇", "从化区", "广州市", "广东省", 440117, 2023, "town-shared-name", shared=True)
town("小溪河镇", "凤阳县", "滁州市", "安徽省", 341126, 2019, "town")
town("龙港镇", "苍南县", "温州市", "浙江省", 330327, 2018, "town-later-city", extra=["renamed-unit"])
DOCS[-1]["newname"] = "龙港市人民政府"
town("苏米图苏木", "鄂托克旗", "鄂尔多斯市", "内蒙古自治区", 150624, 2021, "sumu")
town("虎门镇", None, "东莞市", "广东省", 441900, 2020, "town-under-city", extra=["no-county-parent"])
town("独龙江乡", "贡山独龙族怒族自治县", "怒江傈僳族自治州", "云南省", 533324, 2022, "township")
town("下党乡", "寿宁县", "宁德市", "福建省", 350924, 2017, "township")
town("双龙镇", "花垣县", "湘西土家族苗族自治州", "湖南省", 433124, 2021, "town-shared-name", shared=True)
town("文安驿镇", "延川县", "延安市", "陕西省", 610622, 2023, "town")
town("博鳌镇", "琼海市", None, "海南省", 469002, 2019, "town", extra=["province-direct"])
town("达布达尔乡", "塔什库尔干塔吉克自治县", "喀什地区", "新疆维吾尔自治区", 653131, 2020, "township")
town("枫泾镇", "金山区", None, "上海市", 310116, 2024, "town")

# ---- subdistricts (10)
town("德胜街道", "西城区", None, "北京市", 110102, 2021, "subdistrict")
DOCS[-1]["need_ctx"] = True
town("福田街道", "义乌市", "金华市", "浙江省", 330782, 2020, "subdistrict-shared-name", shared=True)
town("宁海路街道", "鼓楼区", "南京市", "江苏省", 320106, 2019, "subdistrict")
town("鹭江街道", "思明区", "厦门市", "福建省", 350203, 2022, "subdistrict")
town("望月湖街道", "岳麓区", "长沙市", "湖南省", 430104, 2018, "subdistrict")
town("文化路街道", "金水区", "郑州市", "河南省", 410105, 2024, "subdistrict")
DOCS[-1]["need_ctx"] = True
town("五里墩街道", "汉阳区", "武汉市", "湖北省", 420105, 2020, "subdistrict")
town("南院门街道", "碑林区", "西安市", "陕西省", 610103, 2019, "subdistrict")
town("杨家坪街道", "九龙坡区", None, "重庆市", 500107, 2024, "subdistrict")
town("华山街道", "五华区", "昆明市", "云南省", 530102, 2021, "subdistrict-shared-name", shared=True)


# ---------------------------------------------------------------------------
# Text building
# ---------------------------------------------------------------------------
GOALS = ["建设人民满意的法治政府", "法治政府建设示范创建", "优化法治化营商环境",
         "推进治理体系和治理能力现代化", "全面依法行政", "高质量发展大局"]


def pct(rng, lo=85, hi=99):
    return "%d.%d" % (rng.randint(lo, hi), rng.randint(0, 9))


def facts(d, rng):
    y = d["year"]
    A, S = d["all_"], d["self_"]
    k = d["kind"]
    r = rng.randint
    three = ("全面推行行政执法公示、执法全过程记录、重大执法决定法制审核“三项制度”"
             if y >= 2017 else "严格落实行政执法责任制和执法过错责任追究制度")
    week = ("开展宪法宣传周、民法典宣传月等主题活动%d场次" % r(20, 260) if y >= 2020
            else "开展“12·4”国家宪法日等主题宣传活动%d场次" % r(20, 260))
    if k in ("gov", "prov"):
        a, b = r(3, 40), r(40, 400)
        c1 = r(1, max(1, a // 3))
        pool = [
            "全年召开政府常务会议专题学法%d次，举办领导干部法治专题讲座%d场。" % (r(4, 14), r(2, 9)),
            "严格落实重大行政决策程序，对%d项重大行政决策事项开展合法性审查，做到应审尽审。" % r(3, 30),
            "全年审查行政规范性文件%d件，审核政府合同%d份，提出法律意见建议%d条。" % (r(8, 90), b, r(60, 600)),
            "办理行政复议案件%d件，其中维持%d件、纠错%d件，行政机关负责人出庭应诉率达到%s%%。" % (a, a - c1, c1, pct(rng, 90)),
            "组织%d名行政执法人员参加执法资格培训考试，%s。" % (r(120, 2600), three),
            "全年主动公开政府信息%d条，受理依申请公开%d件，均在法定期限内答复。" % (r(900, 12000), r(5, 160)),
            "深入实施“%s”普法规划，%s。" % (pufa(y), week),
            "%s建成公共法律服务站点%d个，实现村（社区）法律顾问全覆盖。" % (A, r(20, 400)),
            "排查化解矛盾纠纷%d起，调解成功率%s%%。" % (r(300, 9000), pct(rng)),
            "开展规范性文件专项清理，废止%d件、修改%d件。" % (r(2, 40), r(1, 20)),
            "聘请政府法律顾问%d名，参与审核重大合同和处理涉法事务%d件。" % (r(3, 15), r(30, 400)),
            "%s%d项政务服务事项实现网上可办，网上可办率达%s%%。" % (A, r(300, 2400), pct(rng, 90)),
        ]
        if k == "prov":
            lvl = {"省": "省政府", "自治区": "自治区人民政府", "直辖市": "市政府"}[d["otype"]]
            pool.append("全年制定、修改、废止%s规章%d件，报请审议地方性法规草案%d件。" % (lvl, r(6, 25), r(5, 18)))
            pool.append("全年备案审查设区的市政府和部门报送的规范性文件%d件。" % r(120, 900)
                        if d["otype"] != "直辖市" else "全年备案审查各区政府和市级部门报送的规范性文件%d件。" % r(120, 900))
    elif k == "dept":
        pool = [
            "全年办理行政处罚案件%d件，罚没款%d.%d万元，未发生行政复议被纠错或行政诉讼败诉案件。" % (r(20, 900), r(10, 900), r(0, 9)),
            "开展“双随机、一公开”监管抽查%d次，检查对象%d户。" % (r(10, 160), r(60, 3000)),
            "梳理公布行政许可事项%d项、行政处罚事项%d项，动态调整权责清单。" % (r(8, 60), r(40, 600)),
            "党组理论学习中心组开展集中学法%d次，组织干部职工参加法治培训%d人次。" % (r(4, 14), r(60, 1200)),
            "对%d件规范性文件和重大执法决定进行合法性审核，审核率100%%。" % r(5, 80),
            "全年受理群众投诉举报%d件，按期办结率100%%。" % r(40, 4000),
            "%s%s。" % (three, "，执法案卷评查优良率%s%%" % pct(rng, 88)),
        ]
    elif k == "zone":
        pool = [
            "全年审查管委会规范性文件%d件，审核各类合同%d份。" % (r(4, 40), r(60, 600)),
            "深化“放管服”改革，承接行政审批事项%d项，%s%%的事项实现网上办理。" % (r(40, 400), pct(rng, 90)),
            "聘请法律顾问%d名，全年提供法律意见%d条。" % (r(2, 12), r(40, 500)),
            "开展营商环境专项整治，为企业解决涉法问题%d个。" % r(20, 400),
            "综合执法部门全年办理行政处罚案件%d件，执法案卷合格率100%%。" % r(20, 600),
            "党工委理论学习中心组集中学法%d次，举办法治专题讲座%d场。" % (r(3, 12), r(2, 8)),
        ]
    else:   # town / subdistrict
        unit = {"镇": "村（社区）", "乡": "村", "苏木": "嘎查", "街道": "社区"}[d["otype"]]
        meet = {"镇": "镇党委会", "乡": "乡党委会", "苏木": "苏木党委会", "街道": "党工委会"}[d["otype"]]
        pool = [
            "%s%d个%s均配备法律顾问，“一%s一法律顾问”实现全覆盖。" % (A, r(6, 40), unit, unit),
            "综合行政执法队全年开展联合执法%d次，查处违法建设%d处。" % (r(10, 120), r(2, 60)),
            "排查化解矛盾纠纷%d起，调解成功率%s%%。" % (r(30, 600), pct(rng)),
            "%s集中学法%d次，组织干部参加法治培训%d人次。" % (meet.replace("会", "理论学习中心组"), r(4, 12), r(40, 400)),
            "修订完善村规民约（居民公约）%d部，创建民主法治示范%s%d个。" % (r(5, 40), unit, r(1, 6)),
            "严格落实重大事项集体决策制度，全年提交%s研究重大事项%d项，均经合法性审查。" % (meet, r(6, 40)),
        ]
        if y >= 2020:
            pool.append("培育“法律明白人”%d名、“法治带头人”%d名。" % (r(30, 300), r(10, 120)))
    rng.shuffle(pool)
    return pool


def profile_text(d, rng):
    if not d["profile"]:
        return None
    vals = dict(a=rng.randint(3, 19), b=rng.randint(12, 240), km=rng.randint(300, 9800),
                m="%d.%d" % (rng.randint(2, 90), rng.randint(0, 9)),
                x="%d.%d" % (rng.randint(1, 9), rng.randint(0, 9)), n=rng.randint(1800, 9000),
                extra=rng.choice(["入驻企业%d家" % rng.randint(300, 9000),
                                  "辖%d个街道（镇）" % rng.randint(2, 9),
                                  "年末市场主体%d户" % rng.randint(2000, 60000)]))
    if d["kind"] in ("town", "subd"):
        vals["a"] = rng.randint(5, 30)
        vals["b"] = rng.randint(1, 6)
        vals["m"] = "%d.%d" % (rng.randint(1, 6 if d["otype"] == "乡" else 12), rng.randint(0, 9))
        if d["otype"] == "乡":
            vals["a"] = rng.randint(4, 16)
    return d["profile"] % vals


def notice_issuer(d):
    if d["kind"] in ("gov", "prov"):
        ptype = d["ptype"]
    elif d["kind"] == "dept":
        ptype = d["otype"]
    else:
        ptype = d["ptype"]
    if ptype not in NOTICE:
        return None
    a, b, c = NOTICE[ptype]
    y = d["year"]
    return a if y >= 2019 else (b if y == 2018 else c)


OPENINGS_WITH_YEAR = ["guide", "basis", "since", "notice", "data", "profile", "section", "purpose"]
OPENINGS_NO_YEAR = ["oneyear", "thisyear"]


def opening(tid, d, ys, rng, lead):
    """Return a list of (kind, text) body lines for template tid."""
    W, S, I, y = d["W"], d["self_"], d["issuer"], d["year"]
    xi = "深入学习贯彻习近平法治思想，" if y >= 2020 else ""
    guide = ("习近平新时代中国特色社会主义思想" if y >= 2017
             else "邓小平理论、“三个代表”重要思想、科学发展观")
    if y == 2016:
        xi = "深入贯彻习近平总书记系列重要讲话精神，"
    goal = rng.choice(GOALS)
    out = []
    if tid == "guide":
        out.append(("para", "%s年，%s坚持以%s为指导，全面贯彻%s，%s%s，"
                    "认真落实《法治政府建设实施纲要（%s）》，扎实推进依法行政，法治政府建设取得新进展。现将有关情况报告如下："
                    % (ys, W, guide, ERA[y], xi, lead, outline(y))))
    elif tid == "basis":
        basis = "《法治政府建设与责任落实督察工作规定》" if y >= 2019 else "《法治政府建设实施纲要（2015—2020年）》"
        who = rng.choice([I, W] if d["no_title"] else [I, W, S])
        out.append(("para", "根据%s要求，现将%s%s年度法治政府建设情况报告如下：" % (basis, who, ys)))
    elif tid == "since":
        out.append(("para", "%s年以来，%s%s，紧紧围绕%s，坚持依法决策、依法行政、依法办事，推动法治政府建设各项任务落地见效。"
                    % (ys, W if rng.random() < 0.6 else I, lead, goal)))
    elif tid == "notice":
        ni = notice_issuer(d) or "上级有关部门"
        out.append(("para", "按照%s《关于做好%s年度法治政府建设情况报告工作的通知》要求，现将%s%s年度法治政府建设工作情况报告如下。"
                    % (ni, ys, W if d["no_title"] else rng.choice([S, W]), ys)))
    elif tid == "data":
        a, b, c = rng.randint(4, 90), rng.randint(3, 40), rng.randint(2, 120)
        if d["kind"] in ("town", "subd"):
            what = "全年开展法治宣传活动%d场次，调处矛盾纠纷%d起，办理群众诉求%d件，法治建设各项工作有序推进" % (a, b * 7, c * 9)
        elif d["kind"] == "dept":
            what = "全年办理行政许可%d件、行政处罚案件%d件，合法性审核规范性文件和重大执法决定%d件，依法行政各项工作有序推进" % (a * 37, b * 6, c // 3 + 2)
        elif d["kind"] == "zone":
            what = "全年审查管委会规范性文件%d件、合法性审查重大事项%d项，办理行政复议和应诉案件%d件，法治建设各项工作有序推进" % (a // 3 + 1, b, c // 4 + 1)
        else:
            what = "全年审查行政规范性文件%d件、合法性审查重大事项%d项，办理行政复议和应诉案件%d件，法治政府建设各项工作有序推进" % (a, b, c)
        out.append(("para", "%s年，%s%s。现将全年工作情况报告如下：" % (ys, W, what)))
    elif tid == "profile":
        prof = profile_text(d, rng)
        out.append(("para", "%s%s年，%s%s，以%s为目标，全面推进依法行政。现将%s年度法治政府建设情况报告如下："
                    % (prof, ys, W, lead, goal, ys)))
    elif tid == "section":
        out.append(("head", "一、%s年度推进法治政府建设的主要举措和成效" % ys))
        out.append(("para", "%s年，%s%s，严格落实党政主要负责人履行推进法治建设第一责任人职责规定，把法治政府建设纳入全局工作统筹谋划。"
                    % (ys, W, lead)))
    elif tid == "purpose":
        out.append(("para", "为深入推进依法行政，加快建设法治政府，%s年%s%s，紧扣%s，全面推进法治政府建设。现将主要工作情况报告如下："
                    % (ys, W, lead, goal)))
    elif tid == "oneyear":
        out.append(("para", "一年来，%s，%s坚持以%s为指导，%s扎实推进依法行政，各项工作取得积极成效。"
                    % (lead, W, guide, xi)))
    elif tid == "thisyear":
        out.append(("para", "今年以来，%s%s，紧紧围绕%s，持续深化依法行政，法治政府建设迈出新步伐。现将有关情况报告如下："
                    % (W, lead, goal)))
    return out


HEADS_NOYEAR = ["一、主要举措和成效", "一、推进法治政府建设的主要举措", "一、法治政府建设的主要做法和成效",
                "一、坚持党的领导，统筹推进法治政府建设"]
SUBHEADS = ["（一）加强党对法治政府建设的领导。", "（一）压紧压实法治建设第一责任人职责。",
            "（一）健全依法行政制度体系。", "（一）强化组织保障，完善工作机制。"]


def title_for(d, ys, with_year, rng):
    W, I = d["W"], d["issuer"]
    if d.get("use_prefix") and d["title_prefix"]:
        W = d["title_prefix"]
    if d["kind"] == "dept" or d["kind"] == "prov":
        W = I
    if with_year:
        forms = ["%s关于%s年度法治政府建设情况的报告" % (I, ys),
                 "%s%s年法治政府建设工作情况报告" % (W, ys),
                 "%s%s年度法治政府建设年度报告" % (I, ys),
                 "关于%s%s年度法治政府建设工作情况的报告" % (W, ys),
                 "%s年%s法治政府建设情况报告" % (ys, W),
                 "%s%s年度法治政府建设工作报告" % (W, ys),
                 "%s法治政府建设年度报告（%s年度）" % (W, ys)]
    else:
        forms = ["%s法治政府建设年度报告" % W,
                 "%s关于法治政府建设工作情况的报告" % I,
                 "%s关于法治政府建设年度工作情况的报告" % W,
                 "%s法治政府建设情况报告" % I]
    if d.get("use_prefix") and d["title_prefix"]:
        forms = [f for f in forms if d["title_prefix"] in f] or forms
    return rng.choice(forms)


def fmt_date(dt, style):
    if style == 0:
        return dt.strftime("%Y-%m-%d")
    if style == 1:
        return "%d年%02d月%02d日" % (dt.year, dt.month, dt.day)
    return "%d/%d/%d" % (dt.year, dt.month, dt.day)


def today_line(dt, rng):
    w = "星期" + WEEKDAYS[dt.weekday()]
    return rng.choice(["今天是%d年%d月%d日 %s" % (dt.year, dt.month, dt.day, w),
                       "今天是：%d年%02d月%02d日 %s" % (dt.year, dt.month, dt.day, w),
                       "%d年%d月%d日 %s" % (dt.year, dt.month, dt.day, w)])


CRUMBS = ["当前位置：首页 > 政务公开 > 法治政府建设",
          "您的位置：首页 > 信息公开 > 法定主动公开内容 > 法治政府建设年度报告",
          "首页 > 政府信息公开 > 重点领域信息公开 > 法治政府",
          "当前位置：首页>>政务公开>>年度报告",
          "您现在的位置：首页 > 政务公开 > 政府工作 > 依法行政"]


def build_lines(d, rng):
    y = d["year"]
    lines = []
    ys_title = y if not d["year_cn"] else cn_year(y, "〇" if rng.random() < 0.7 else "零")
    lead = d["named_lead"] if d.get("force_named") else rng.choice(d["leads"])
    # ---- chrome
    pub = d["pub_date"]
    if d["chrome"]:
        site = d["newname"] if d["newname"] else (
            d["site_sup"] if d.get("use_site_sup") and d["site_sup"] else d["site"])
        d["site_used"] = site
        sitename = site + rng.choice(["门户网站", "网", ""])
        if d["fmt"] != "html":
            if rng.random() < 0.7 or d["today"]:
                lines.append(("site", sitename))
        d["sitename"] = sitename
        if d["today"]:
            lines.append(("today", today_line(d["today_date"], rng)))
        if d["kind"] in ("town", "subd") and rng.random() < 0.5:
            crumb = "当前位置：首页 > 乡镇（街道）> %s > 信息公开" % d["name"]
        else:
            crumb = rng.choice(CRUMBS)
        lines.append(("crumb", crumb))
        src = rng.choice(d["srcs"])
        d["src_used"] = src
        ds = fmt_date(pub, rng.randint(0, 2))
        hits = rng.randint(60, 9800)
        meta = rng.choice([
            "发布时间：%s  来源：%s  浏览次数：%d" % (ds, src, hits),
            "发布日期：%s   信息来源：%s   【字体：大 中 小】" % (ds, src),
            "%s %02d:%02d  来源：%s  阅读：%d" % (ds, rng.randint(8, 18), rng.randint(0, 59), src, hits),
            "【发布时间：%s】【来源：%s】【浏览次数：%d】" % (ds, src, hits),
            "时间：%s　作者：%s　点击数：%d" % (ds, src, hits)])
        d["meta_line"] = meta
        d["hits"] = hits
        d["pub_str"] = ds
    title = None
    if not d["no_title"]:
        title = title_for(d, ys_title, not d["year_body"], rng)
    d["title_used"] = title
    meta_first = d["chrome"] and rng.random() < 0.3
    if d["chrome"] and meta_first:
        lines.append(("meta", d["meta_line"]))
    if title:
        if len(title) > 22 and rng.random() < 0.25 and "关于" in title[2:]:
            i = title.index("关于", 2)
            lines.append(("title", title[:i]))
            lines.append(("title", title[i:]))
        else:
            lines.append(("title", title))
    if d["chrome"] and not meta_first:
        lines.append(("meta", d["meta_line"]))
        if rng.random() < 0.35:
            lines.append(("tools", rng.choice(["【字体：大 中 小】  打印本页  关闭窗口",
                                               "分享到：  【打印】【关闭】",
                                               "索引号：%06d/%d-%05d  主题分类：其他" % (
                                                   rng.randint(1000, 999999), pub.year, rng.randint(1, 900))])))
    if d["addressed"]:
        lines.append(("salute", d["sup_gov"] + "："))
    # ---- body
    body_has_year = not (d["year_cn"])
    if body_has_year and (d["no_title"] or d["year_body"]):
        tid = d["tid"] = rng.choice(OPENINGS_WITH_YEAR)
    elif d["year_cn"]:
        tid = d["tid"] = rng.choice(OPENINGS_NO_YEAR)
    else:
        tid = d["tid"] = rng.choice(OPENINGS_WITH_YEAR + OPENINGS_NO_YEAR)
    if d.get("force_named") and tid in ("basis", "notice", "data"):
        tid = d["tid"] = "guide" if not d["year_cn"] else tid
    if tid == "notice" and notice_issuer(d) is None:
        tid = d["tid"] = "guide"
    if tid == "profile" and not d["profile"]:
        tid = d["tid"] = "purpose"
    ys_body = str(y)
    body = opening(tid, d, ys_body, rng, lead)
    fl = facts(d, rng)
    if tid != "section":
        if d["year_cn"] or rng.random() < 0.4:
            body.append(("head", rng.choice(HEADS_NOYEAR)))
        else:
            body.append(("head", "一、%s年%s" % (y, rng.choice(["推进法治政府建设的主要举措和成效",
                                                             "法治政府建设主要工作及成效"]))))
    body.append(("head", rng.choice(SUBHEADS)))
    if y >= 2020 and rng.random() < 0.3:
        body.append(("head", "（一）深入学习贯彻习近平法治思想。"))
        body.pop(-2)
    # extra context / distractor sentences
    extra = []
    if rng.random() < 0.3:
        what = "矛盾纠纷数量" if d["kind"] in ("town", "subd") else rng.choice(["行政复议案件数量", "行政诉讼案件数量"])
        extra.append("全年%s较%d年下降%d.%d%%。" % (what, y - 1, rng.randint(3, 30), rng.randint(0, 9)))
    if y >= 2020 and rng.random() < 0.25:
        extra.append("对照到2035年基本建成法治国家、法治政府、法治社会的目标，持续补短板、强弱项。")
    if d["kind"] in ("town", "subd") and d.get("force_named") is None and rng.random() < 0.3:
        extra.append("主动接受%s的指导，" % (d["parent"] + "司法局") + "重大事项及时报告。")
    paras = fl + extra
    rng.shuffle(paras)
    # glue facts into 1-3 paragraphs
    k = rng.randint(1, 3)
    chunks = [paras[i::k] for i in range(k)]
    for ch in chunks:
        if ch:
            body.append(("para", "".join(ch)))
    lines.extend(body)
    return lines


def cjk_count(s):
    return len(CJK_RE.findall(s))


def cut_lines(lines, n):
    out, cnt = [], 0
    for kind, text in lines:
        c = cjk_count(text)
        if cnt + c <= n:
            out.append((kind, text))
            cnt += c
            continue
        # cut inside this line
        need = n - cnt
        j, seen = 0, 0
        while j < len(text) and seen < need:
            if CJK_RE.match(text[j]):
                seen += 1
            j += 1
        if j > 0:
            out.append((kind, text[:j]))
        cnt += seen
        break
    return out, cnt


def required_tokens(d):
    """Strings that must survive the cut (each item: list of alternatives)."""
    y = d["year"]
    req = [[d["W"], d["name"], d["issuer"], d["full_name"]],
           [str(y), cn_year(y), cn_year(y, "零")]]
    if "shared-name" in d["forced"] or d.get("need_ctx"):
        req.append([d["parent"]])
    return req


def render_txt(lines, d, rng):
    sep = "\n\n" if rng.random() < 0.35 else "\n"
    indent = "\u3000\u3000" if rng.random() < 0.4 else ""
    parts = []
    for kind, text in lines:
        if kind == "para" and indent:
            parts.append(indent + text)
        else:
            parts.append(text)
    s = sep.join(parts)
    if rng.random() < 0.5:
        s += "\n"
    return s


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_html(lines, d, rng):
    site = d["sitename"]
    title = d["title_used"]
    page_title = (title + "_" + site) if title else ("法治政府建设_" + site)
    h = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
         '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
         "<title>%s</title>" % esc(page_title),
         '<meta name="SiteName" content="%s">' % esc(site),
         '<meta name="ColumnName" content="法治政府建设">']
    if title:
        h.append('<meta name="ArticleTitle" content="%s">' % esc(title))
    h.append('<meta name="PubDate" content="%s %02d:%02d">' % (d["pub_date"].strftime("%Y-%m-%d"),
                                                              rng.randint(8, 18), rng.randint(0, 59)))
    h.append('<meta name="ContentSource" content="%s">' % esc(d["src_used"]))
    h.append('<link rel="stylesheet" href="/css/article.css">')
    h += ["</head>", "<body>", '<div class="header">', '  <div class="logo">%s</div>' % esc(site)]
    body_started = False
    paras_open = False
    out_body = []
    for kind, text in lines:
        t = esc(text)
        if kind == "site":
            continue
        if kind == "today":
            h.append('  <div class="today">%s</div>' % t)
            continue
        if kind == "crumb":
            h.append("</div>")
            crumb = t.replace(" &gt; ", ' &gt; ').replace("首页", '<a href="/">首页</a>', 1)
            h.append('<div class="position">%s</div>' % crumb)
            h.append('<div class="article">')
            body_started = True
            continue
        if kind == "title":
            out_body.append('  <h1 class="title">%s</h1>' % t)
        elif kind == "meta":
            out_body.append('  <div class="info">%s</div>' % t)
        elif kind == "tools":
            out_body.append('  <div class="tools">%s</div>' % t)
        else:
            if not paras_open:
                out_body.append('  <div class="TRS_Editor">')
                paras_open = True
            if kind == "head":
                out_body.append('    <p style="text-indent:2em"><strong>%s</strong></p>' % t)
            elif kind == "salute":
                out_body.append('    <p>%s</p>' % t)
            else:
                out_body.append('    <p style="text-indent:2em">%s</p>' % t)
    if not body_started:
        h.append("</div>")
        h.append('<div class="article">')
    h += out_body
    if paras_open:
        h.append("  </div>")
    h.append("</div>")
    h.append('<script type="text/javascript" src="/js/share.js"></script>')
    h += ["</body>", "</html>", ""]
    return "\n".join(h)


def html_visible(s):
    s = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", "", s)
    s = re.sub(r"<[^>]+>", "", s)
    return s.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")


def assign(rng):
    idx = list(range(len(DOCS)))
    order = idx[:]
    rng.shuffle(order)
    for d in DOCS:
        d.update(chrome=False, fmt="txt-utf8", today=False, no_title=False, year_body=False,
                 year_cn=False, addressed=False, bom=False)
    has_pub_ok = [i for i in order if DOCS[i]["year"] < 2025]
    html = has_pub_ok[:N_HTML]
    for i in html:
        DOCS[i]["fmt"] = "html"
        DOCS[i]["chrome"] = True
    # renamed units with new-name sites: force chrome on most of them
    for i in order:
        d = DOCS[i]
        if d["newname"] and d["name"] not in ("宜宾县", "神木县", "龙港镇"):
            d["chrome"] = True
    rest = [i for i in has_pub_ok if not DOCS[i]["chrome"]]
    for i in rest[:N_EXTRA_CHROME]:
        DOCS[i]["chrome"] = True
    chrome = [i for i in order if DOCS[i]["chrome"]]
    for i in rng.sample(chrome, N_TODAY):
        DOCS[i]["today"] = True
    # site of the superior body (town/department pages often sit on a superior's site)
    for i in chrome:
        d = DOCS[i]
        if d["kind"] in ("gov", "dept") and not d["newname"] and d["level"] != "province" and rng.random() < 0.3:
            d["use_site_sup"] = True
    o2 = order[:]
    rng.shuffle(o2)
    nt = [i for i in o2 if DOCS[i]["kind"] != "prov"][:N_NOTITLE]
    for i in nt:
        DOCS[i]["no_title"] = True
    titled = [i for i in o2 if not DOCS[i]["no_title"]]
    rng.shuffle(titled)
    for i in titled[:N_YEARBODY]:
        DOCS[i]["year_body"] = True
    for i in titled[N_YEARBODY:N_YEARBODY + N_YEARCN]:
        DOCS[i]["year_cn"] = True
    o3 = order[:]
    rng.shuffle(o3)
    for i in o3[:N_ADDRESSED]:
        DOCS[i]["addressed"] = True
    txt = [i for i in o3 if DOCS[i]["fmt"] != "html"]
    rng.shuffle(txt)
    for i in txt[:N_GBK]:
        DOCS[i]["fmt"] = "txt-gbk"
    for i in txt[N_GBK:N_GBK + N_BOM]:
        DOCS[i]["bom"] = True
    # shared-name towns: always name the county in the leadership phrase;
    # half of them also carry the county in the title
    for d in DOCS:
        if "shared-name" in d["forced"] or d.get("need_ctx"):
            d["force_named"] = True
            d["use_prefix"] = rng.random() < 0.5
        elif d["kind"] in ("town", "subd") and rng.random() < 0.3:
            d["use_prefix"] = True
    # dates
    for d in DOCS:
        y = d["year"]
        start = datetime.date(y + 1, 1, 8)
        if rng.random() < 0.85:
            pub = start + datetime.timedelta(days=rng.randint(0, 82))
        else:
            pub = start + datetime.timedelta(days=rng.randint(83, 170))
        d["pub_date"] = pub
        if d["today"]:
            last = min(pub + datetime.timedelta(days=900), datetime.date(2025, 11, 28))
            first = pub + datetime.timedelta(days=12)
            span = (last - first).days
            d["today_date"] = first + datetime.timedelta(days=rng.randint(0, max(span, 0)))


def traps_for(d, text):
    t = []
    if d["chrome"]:
        t.append("chrome")
    if d["no_title"]:
        t += ["no-title", "year-in-body"]
    elif d["year_body"]:
        t.append("year-in-body")
    if d["year_cn"]:
        t.append("year-cn-numerals")
    if d["addressed"]:
        t.append("addressed-to-superior")
    if d["chrome"] and d["pub_date"].year == d["year"] + 1:
        t.append("published-next-year")
    if d["today"]:
        t.append("today-date")
    if d["chrome"] and d.get("use_site_sup"):
        t.append("site-of-superior")
    if d["chrome"] and d["newname"] and d["newname"] in text:
        t.append("site-new-name")
    if d["kind"] in ("town", "subd") and d["chrome"] and d["site"] in text:
        t.append("site-of-superior")
    years = {int(m) for m in re.findall(r"(?<!\d)(20[0-4]\d)(?!\d)", text)}
    if years - {d["year"]}:
        t.append("other-years")
    if d["bom"]:
        t.append("utf8-bom")
    if d["fmt"] == "txt-gbk":
        t.append("gbk-crlf")
    for f in d["forced"]:
        if f not in t:
            t.append(f)
    out = []
    for x in t:
        if x not in out:
            out.append(x)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    assert len(DOCS) == N_DOCS, len(DOCS)
    rng = random.Random(SEED)
    order = list(range(len(DOCS)))
    rng.shuffle(order)
    docs = [DOCS[i] for i in order]
    DOCS[:] = docs
    assign(rng)
    os.makedirs(args.out, exist_ok=True)
    gold = []
    stats = {}
    for num, d in enumerate(DOCS, 1):
        drng = random.Random("%d-%d" % (SEED, num))
        lines = build_lines(d, drng)
        lo, hi = (200, 360) if d["fmt"] == "html" else (200, 400)
        n = drng.randint(lo + 10, hi - 10)
        # make sure the tokens needed by a careful reader survive the cut
        for _ in range(400):
            cut, cnt = cut_lines(lines, n)
            flat = "\n".join(t for _, t in cut)
            if all(any(a and a in flat for a in alts) for alts in required_tokens(d)):
                break
            n += 5
            if n > hi:
                raise SystemExit("cannot fit required tokens for %s" % d["name"])
        if d["fmt"] == "html":
            text = render_html(cut, d, drng)
            vis = html_visible(text)
            ext = "html"
        else:
            text = render_txt(cut, d, drng)
            vis = text
            ext = "txt"
        c = cjk_count(vis)
        if not (200 <= c <= 400):
            raise SystemExit("length %d out of range for %s" % (c, d["name"]))
        fname = "r_%03d.%s" % (num, ext)
        path = os.path.join(args.out, fname)
        if d["fmt"] == "txt-gbk":
            data = text.replace("\n", "\r\n").encode("gbk")
        else:
            data = text.encode("utf-8")
            if d["bom"]:
                data = b"\xef\xbb\xbf" + data
        with open(path, "wb") as fh:
            fh.write(data)
        traps = traps_for(d, vis)
        published = d["pub_date"].isoformat() if d["chrome"] else None
        gold.append({
            "file": fname,
            "category": d["cat"],
            "format": d["fmt"],
            "traps": traps,
            "region": {"name": d["name"], "full_name": d["full_name"], "level": d["level"],
                       "city": d["city"], "province": d["province"], "adcode": d["adcode"]},
            "issuer": d["issuer"],
            "year": d["year"],
            "published": published,
            "truncated": True,
            "mechanisms": [],
        })
        stats.setdefault("template", {}).setdefault(d["tid"], 0)
        stats["template"][d["tid"]] += 1
    with open(os.path.join(args.out, "gold.json"), "w", encoding="utf-8") as fh:
        json.dump({"schema_version": 1, "documents": gold}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    if not args.quiet:
        print("wrote %d documents to %s" % (len(gold), args.out))
        print("opening templates:", json.dumps(stats["template"], ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
