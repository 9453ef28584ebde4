"""Mechanisms no list names: rules, with the near misses the gold's notes list."""

import pytest

WRAP = "某区人民政府关于2024年法治政府建设情况的报告\n一、主要举措和成效\n(一)推进依法行政。一是甲项。{}二是乙项。完成。\n"


def unlisted(extract, sentence):
    report = extract(WRAP.format(sentence))
    return {m.concept for m in report.mentions if not m.listed}


def found(extract, sentence):
    """Names of the mechanisms found: a candidate's name, or the surface of a listed concept's match."""
    report = extract(WRAP.format(sentence))
    return {m.concept if not m.listed else m.surface.text.strip("“”") for m in report.mentions}


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("创新建立协同约访工作机制。", "协同约访"),
        ("联合区纪委监委推动建立问题线索移送机制。", "问题线索移送"),
        ("推行“四员”工作法。", "四员工作法"),
        ("持续推进商事制度改革。", "商事制度改革"),
        ("积极探索边界调解模式。", "边界调解"),
        ("严格落实持证上岗管理制度。", "持证上岗"),
        ("坚持做到“亮单执法”。", "亮单执法"),
        ("打造“一所一调解法”工作品牌。", "一所一调解法"),
        ("建立健全行政执法案例指导制度。", "行政执法案例指导"),
        # region names in front of a name are not part of it
        ("出台《南京市江宁区营商环境监督联动工作机制》。", "营商环境监督联动"),
    ],
)
def test_unlisted_mechanism_found(extract, sentence, name):
    # some of these are listed since the vocabulary grew (商事制度改革, 持证上岗): found either way
    assert any(name in f for f in found(extract, sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "健全工作机制。",  # generic head
        "完善协调联动机制。",
        "健全体制机制。",
        "深化行政执法体制改革。",  # a generic reform area
        "落实矛盾纠纷排查机制。",
        "建立政务数据共享协调机制。",
        "完善部门间协调联动机制。",
        "落实安全生产治本攻坚三年行动推进工作机制。",  # a campaign
        "优化利企便企“三项机制”。",  # an unnamed bundle
        "实施2+3+N实体化运行模式。",  # a code whose content is not stated
        "打造“一站一会”涉外法治平台。",  # a platform
        "组建“1+8”企业法治服务团队。",  # a team
        "开展“法律十进”普法活动。",  # a campaign
        "以信用监管为基础的新型监管机制。",  # listed (信用监管), nothing new
        "落实刑满释放人员“必接必送”制度。",  # listed, with a scope in front
    ],
)
def test_near_misses_are_not_mechanisms(extract, sentence):
    assert unlisted(extract, sentence) == set()


def test_sub_parts_fold_into_the_listed_regime(extract):
    report = extract(WRAP.format("健全重大行政决策跟踪反馈机制。"))
    assert "重大行政决策程序" in {a.concept for a in report.adoptions}
    assert not [m for m in report.mentions if not m.listed]


def test_negative_labels_block_candidates(extract):
    from fazhi.ontology import scheme_negative_labels

    assert "协调联动机制" in scheme_negative_labels()


@pytest.mark.parametrize(
    "sentence",
    [
        # fragments the rules used to make on unseen reports: no head, a verb or 新 before the head,
        # a head that is the start of a longer word, generic areas only
        "坚持运用法治思维和法治方式深化改革。",
        "探索依法治镇新模式。",
        "完善镇干部学法和培训制度。",
        "健全依法行政学习宣传制度。",
        "安排部署信访工作法治化建设。",
        # a clause (纳入, 全部, 在 + verb), and 改革 as the start of 改革发展 / 改革开放
        "523项涉企经营许可事项全部纳入改革范围。",
        "为全市在建设现代化经济体系中走在前提供坚强法治保障。",
        "统筹推进疫情防控和教育改革发展。",
        "全年适用清单不予处罚案件1860件。",  # 适用: a verb, the clause applies a list
        "围绕建设“自贸区体制机制改革创新实验区”,推进改革。",  # 改革创新: no reform's name
        # a team or a body named in quotes is not a method
        "建立“律师+调解员”联合调解工作室。",
        # a verb before the head (巩固, 引领) leaves no name; 公布 and 全州 stand before one
        "巩固改革成果。",
        "以法治引领改革、以法治保障发展。",
        "全州公布告知承诺事项清单96项。",
        # the head is the start of a longer word (改革工程); a count of lists names none
        "以营商环境“一号改革工程”为牵引。",
        "厘清“两份清单”。",
        # an aside in brackets and generic words (年度, 重点, 分类) only
        "将依法行政考核纳入各村（社区）年度目标责任制考核。",
        "将法治建设纳入全委年度重点工作任务清单。",
        "对106项涉企审批事项实施分类改革。",
        # a goal word and a place is a slogan for the place
        "着力打造“法治徐汇”品牌。",
        "建设“平安浦东”。",
        # the national slogan said of a sector
        "着力推进交通运输治理体系和治理能力现代化。",
    ],
)
def test_fragments_are_not_candidates(extract, sentence):
    assert unlisted(extract, sentence) == set()


@pytest.mark.parametrize(
    "sentence, surface",
    [
        # a body in front is not part of the name; the listed name stands
        ("落实交通运输局法治建设第一责任人制度。", "法治建设第一责任人制度"),
        ("经过两轮县机构改革,职能进一步理顺。", "机构改革"),
        # a cue word inside a quoted name does not cut it
        ("深化“县乡村三级联调”工作机制。", "“县乡村三级联调”工作机制"),
        # a quoted name in front makes the name specific, even with + in it
        ("建立“网格员+人民调解员”矛盾纠纷排查机制。", "“网格员+人民调解员”矛盾纠纷排查机制"),
        # a verb of development before the name is no part of it
        ("二是迭代升级“大综合一体化”执法改革。", "“大综合一体化”执法改革"),
        # 以下 is a word of the name, not the preposition 以
        ("按照省以下生态环境机构监测监察执法垂直管理制度改革要求,完成改革。", "省以下生态环境机构监测监察执法垂直管理制度改革"),
    ],
)
def test_whole_names(extract, sentence, surface):
    report = extract(WRAP.format(sentence))
    assert surface in {m.surface.text for m in report.mentions}


# --- whole names: the rules of candidates.py, on snippets written for them -----------------


def unlisted_names(extract, sentence):
    """(key, surface) of every candidate in a sentence."""
    report = extract(WRAP.format(sentence))
    return {(m.concept, m.surface.text) for m in report.mentions if not m.listed}


@pytest.mark.parametrize(
    "sentence, surface",
    [
        # the name runs from the boundary verb to its head, both kept whole
        ("建立行政执法案卷交叉评查制度。", "行政执法案卷交叉评查制度"),
        ("推行首席法律咨询专家制度。", "首席法律咨询专家制度"),
        ("建立行政复议案件快速审理机制。", "行政复议案件快速审理机制"),
        ("创新建立协同约访工作机制。", "协同约访工作机制"),
        ("建立重大事项报告制度。", "重大事项报告制度"),
        # a compound in 制: the verb before 制 belongs to the head
        ("实行重大事项领导包案负责制。", "重大事项领导包案负责制"),
        # a sector and how it works is specific; so is a listed name and a function
        ("建立营商环境监督联动工作机制。", "营商环境监督联动工作机制"),
        ("在全市率先建立区级涉外法治工作联席会议制度。", "涉外法治工作联席会议制度"),
        # a quoted name in front of a head
        ("探索“物业+调解”模式。", "“物业+调解”模式"),
        ("推广“三所联动”工作法。", "“三所联动”工作法"),
        ("推行非诉执行“裁执分离”模式。", "“裁执分离”模式"),
        # a quoted name right before the head, with what it applies to in front: the whole is the name
        ("推进行政争议“调解+复议”模式。", "行政争议“调解+复议”模式"),
        ("推行行政执法人员“以案学法”制度。", "行政执法人员“以案学法”制度"),
        # a name after another name's head and a conjunction starts after the conjunction
        ("实行领导接访日制度和区级干部值班接访制度。", "干部值班接访制度"),
        ("严格执行请示报告制度和领导干部值班接访制度。", "领导干部值班接访制度"),
        # a head inside quotes belongs to the longer name around it
        ("推行“预约办+承诺制”审批模式。", "“预约办+承诺制”审批模式"),
        ("建立“一案一专班”化解机制。", "“一案一专班”化解机制"),
    ],
)
def test_whole_name_and_its_span(extract, sentence, surface):
    assert (surface.replace("“", "").replace("”", ""), surface) in unlisted_names(extract, sentence)


@pytest.mark.parametrize(
    "sentence, surface",
    [
        # verbs of adoption, adverbs, scope words and enumerators are not part of the name
        ("全面推行首席法律咨询专家制度。", "首席法律咨询专家制度"),
        ("在全市率先探索建立行政复议案件快速审理机制。", "行政复议案件快速审理机制"),
        ("全区推行行政执法案卷交叉评查制度。", "行政执法案卷交叉评查制度"),
        ("三是建立行政执法案卷交叉评查制度。", "行政执法案卷交叉评查制度"),
        ("安排部署行政执法案卷交叉评查制度。", "行政执法案卷交叉评查制度"),
        ("经过行政执法案卷交叉评查制度。", "行政执法案卷交叉评查制度"),
        ("通过行政执法案卷交叉评查制度。", "行政执法案卷交叉评查制度"),
        # nothing after the head: 建设, 深化, 工作 are not part of it
        ("推进行政执法案卷交叉评查制度建设。", "行政执法案卷交叉评查制度"),
        ("行政复议案件快速审理机制深化。", "行政复议案件快速审理机制"),
        # a body, a place, a level or a count in front is not part of the name
        ("落实交通运输局行政执法案卷交叉评查制度。", "行政执法案卷交叉评查制度"),
        ("区司法局推动首席法律咨询专家制度。", "首席法律咨询专家制度"),
        ("出台《南宁市涉企行政执法检查报备制度》。", "涉企行政执法检查报备制度"),
        ("县首席法律咨询专家制度。", "首席法律咨询专家制度"),
        ("两项首席法律咨询专家制度。", "首席法律咨询专家制度"),
        # a preposition that governs the name
        ("以首席法律咨询专家制度改革为抓手,全面推进。", "首席法律咨询专家制度改革"),
    ],
)
def test_edges_are_stripped(extract, sentence, surface):
    assert (surface, surface) in unlisted_names(extract, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # fragments once made on unseen reports: a verb or 新 before the head, a generic name
        "坚持运用法治思维和法治方式深化改革。",  # 法治思维和法治方式深化
        "探索依法治镇新模式。",  # 依法治镇新
        "新开办企业申领营业执照、刻制印章实现一表申请。",  # 刻制 is a verb, no compound in 制
        "完善镇干部学法和培训制度。",  # 镇干部学法和培训
        "健全依法行政学习宣传制度。",  # 依法行政学习宣传
        "经过两轮县机构改革,职能进一步理顺。",  # 经过两轮县机构 (机构改革 is listed)
        "安排部署信访工作法治化建设。",  # 安排部署信访工作法
        "落实交通运输局法治建设第一责任人制度。",  # the listed name stands, no body
        "及时发布公告,确保改革期间税收执法不断档。",  # 确保改革: a verb, and 改革期间 is a time
        "建立发布机制,全年发布制度创新案例21个。",  # 制度创新 is no head
        # the reforms of a field, and a pilot zone's name
        "三、深化交通运输领域改革,优化营商环境。",
        "以数字化转型带动各领域改革。",
        "作为全国农村改革试验区,稳步推进各项试点。",
        # bare area and quality modifiers
        "健全工作机制。",
        "完善长效机制。",
        "健全体制机制。",
        "完善协调联动机制。",
        "强化监督机制。",
        "建立健全执法机制。",
        "建立健全监督制约机制。",
        "健全应急管理体制机制。",
        "深化行政执法体制改革。",
        # a sector's work alone
        "完善突发事件应对制度。",
        "优化营商环境工作机制。",
        "完善信访工作制度。",
        # 体系 and 清单 need a specific modifier
        "健全应急预案体系。",
        "完善考核评价体系。",
        "打造统一开放有序的市场竞争体系。",
        "以宪法为核心的中国特色社会主义法律体系。",
        "列出问题清单和任务清单。",
        # 经验 needs a name
        "积累了宝贵经验。",
        "总结推广先进经验。",
        # no head: a verb, nothing in front, a clause
        "推动改革。",
        "实行负责制。",
        "建立镇每半月一次矛盾纠纷排查机制。",
        # what a body measures itself against is no name of its own
        "对照指标体系逐项补短板。",
        "对标一流营商环境评价体系查找差距。",
        # the last item of a list that shares one head; examples of a class (等)
        "执行首问负责、一次告知、一窗受理、自助办理制度。",
        "建立区长亲自督办、分管副区长包案化解的工作机制。",
        # a clause describes the arrangement (…的): no name is given
        "建立以案件质量为核心的执法监督评查机制。",
        # a list after a conjunction, a verb inside
        "动态调整监管事项清单和检查实施清单。",
        # quoted: a project, a title won, a team
        "推进“智慧政务”建设。",
        "获评“全国法治政府建设示范区”。",
        "组建“法润万家”宣讲团队。",
    ],
)
def test_no_fragment_is_a_candidate(extract, sentence):
    assert unlisted(extract, sentence) == set()


@pytest.mark.parametrize(
    "sentence, name",
    [
        # ends in 法: a method
        ("推行“一线调解法”。", "一线调解法"),
        # an action, adopted or followed by 工作 / 品牌 / 机制
        ("坚持做到“亮单执法”。", "亮单执法"),
        ("持续擦亮“枫林调解”品牌。", "枫林调解"),
        ("深化“码上解纷”工作。", "码上解纷"),
        # a slogan in parallel parts
        ("推行“街巷吹哨、科室报到”。", "街巷吹哨、科室报到"),
        # any name a verb of adoption takes with nothing after it
        ("推行“橙色驿站”,将快递网点纳入网格。", "橙色驿站"),
        ("深化“云端议事”治理。", "云端议事"),
        ("实行“一店一档”管理,全年排查整改火灾隐患。", "一店一档"),
        ("推行“沙盘推演”监管,对新业态先观察后规范。", "沙盘推演"),
        # … or with a service it gives after it (up to four characters before 服务)
        ("推行“古镇管家”上门服务,为商户代办事项。", "古镇管家"),
        ("推行“港口驿站”企业服务。", "港口驿站"),
        # a count of levels or parts that do something (联调) is a name, a bare count is not
        # (after the levels listed, the quoted name with its head is the whole name)
        ("建立县、乡、村“三级联调”机制。", "三级联调机制"),
        # … or followed by an action and such a word: what the brand does, then that it is one
        ("打造“北岸和事佬”调解品牌,调解成功率98%。", "北岸和事佬"),
        ("推行“乡邻和合”调解法。", "乡邻和合"),
        # a local mediation or consultation brand by its head, whatever comes after it
        ("组建“滨江和事佬”队伍,化解邻里纠纷。", "滨江和事佬"),
        ("打造“民情茶话会”议事平台。", "民情茶话会"),
        ("在乡镇持续推进“院坝恳谈会”,把矛盾化解在基层。", "院坝恳谈会"),
        # 实施 adopts a method as 推行 does
        ("实施“一校一章程”,中小学全部完成章程核准。", "一校一章程"),
        # a service app's brand that the report relies on or launches
        ("依托“滇企通”和“昆好办”实现掌上办理。", "昆好办"),
        ("依托“滇企通”和“昆好办”实现掌上办理。", "滇企通"),
        ("全省率先推出“赣州营商通”,企业诉求直达。", "赣州营商通"),
        # … whatever its last character, when an app word follows it
        ("依托“e冰城”APP推出社保缴费等服务。", "e冰城"),
        ("开发“延边通办”手机客户端,提供双语办事。", "延边通办"),
        # … whatever verb comes before it, or none
        ("“滨城政务通”手机客户端上线,群众可掌上办理。", "滨城政务通"),
        ("群众可通过“南岭e办”小程序查询事项。", "南岭e办"),
        # a Latin letter in a brand does not make it a code
        ("开发“晋e办”掌上办事平台,群众可通过手机办事。", "晋e办"),
        # a quoted number names a method as well as words do
        ("推行“365”工作法,案件办理提速。", "365工作法"),
        ("实施“1530”改革,项目审批提速。", "1530改革"),
        # one verb takes the quoted names in a row after it
        ("推行“一窗通办”“一码通行”,群众少跑腿。", "一码通行"),
        # … and joined by 和, 及 or 、: both are taken, the first too
        ("推行“院落议事”和“说理堂”,群众参与治理。", "院落议事"),
        ("推行“院落议事”和“说理堂”,群众参与治理。", "说理堂"),
        ("推行“马上办”、“一次清”,办事提速。", "一次清"),
        # a field between the verb and the quoted method belongs to the name
        ("推行行政复议“阳光复议”,案件公开听证。", "行政复议阳光复议"),
        # a quoted manner (…式) names a method with the activity done that way
        ("推行“陪诊式”执法检查,专家随同。", "陪诊式执法检查"),
        ("全面推行“不见面式”办证,全程网办。", "不见面式办证"),
        ("推行城管执法“教练式”文书。", "城管执法教练式文书"),
        # a two-character name that the action after it completes, adopted: the name with the action
        ("结合彝区实际推行“德古”调解,聘请熟悉习惯法的德古。", "德古调解"),
        ("在全市推行“五老”调解,化解邻里纠纷。", "五老调解"),
        # a quoted name after a list of the bodies taking part: the quoted name is the name
        ("建立司法所、派出所“两所联动”机制,对涉警纠纷联合调处。", "两所联动机制"),
        # a consultation brand by its head
        ("在各村推行“小板凳”议事会,干部进村听意见。", "小板凳议事会"),
    ],
)
def test_quoted_methods(extract, sentence, name):
    assert name in {key for key, _ in unlisted_names(extract, sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "开展“法律十进”普法活动。",  # a campaign
        "打造“法治之窗”平台。",  # a platform
        "建立“律师+调解员”联合调解工作室。",  # a body
        "入选全国“优秀调解案例”。",  # a title won
        "建立“问题、任务、责任”三张清单。",  # a list of things, not a slogan
        "提升“法治温度”。",  # no action
        "打造“河畔法律服务站”。",  # adopted, but a place
        "打造“石榴花”调解工作室。",  # an action, then a place
        "打造“法治夜校”普法品牌。",  # a publicity event's brand
        "推行“一对一”帮扶服务。",  # a manner, not a method's name
        "依托“掌上办”提升办事效率。",  # a manner of service, no app
        "推行“手把手”指导服务。",
        "深化“美丽庭院”建设。",  # what is built, not how
        "开展“法律进农家”。",  # 开展 takes activities
        "推行“台账式、项目式”管理。",  # manners in a row describe how work is done
        "取得“跨越式”发展。",  # a manner no verb of adoption takes
        "荣获“文明单位”和“先进集体”称号。",  # titles won, joined
        "开展“法律进村”和“法律进校”活动。",  # activities, joined
        "实施“雏鹰计划”,培养年轻干部。",  # a programme
        "全面落实“双减”,减轻学生负担。",  # a short quoted word with no action after it
        "开展“三官”普法进校园。",  # a short name before publicity: an activity
        "成立村民议事会。",  # a body, no brand
        "组织干部下载“学习强国”APP。",  # an app no verb of adoption or launch takes
        "部分群众“信访不信法”观念依然存在。",  # 法 is the law here, no method
        "解决“最后一公里”问题。",  # a problem named, no method
        "村级事务按程序决策,决策和实施结果“两公示”。",  # 实施结果 is a noun, no field of a verb
        "对热线派单实行“日调度、周分析、月考评”。",  # the rhythm of a routine names nothing
        "实行“月通报、季排名、年考核”。",
    ],
)
def test_quoted_non_methods(extract, sentence):
    assert unlisted(extract, sentence) == set()


def test_candidate_rules_live_in_lexicons():
    """Every word class the rules use is a lexicon file of the package, each with entries."""
    from fazhi.extract import candidates

    rules = candidates._rules()
    assert {"name", "method", "reform", "narrow", "proper", "suffix"} == {h.kind for h in rules.heads.values()}
    for role in ("conjunction", "classifier", "level", "not_suffix", "action", "adopt", "after_ok", "after_bad"):
        assert candidates._words(role), role


@pytest.mark.parametrize(
    "sentence, listed, candidate",
    [
        # a listed name with plain words around it is that mechanism again: one adoption
        ("总结推广“拿地即开工”改革经验。", "拿地即开工", None),
        ("严格执行持证上岗管理制度。", "行政执法资格管理", None),
        # a listed name with what the arrangement does is another mechanism
        ("建立府院联动联席会议制度。", "府院联动", "府院联动联席会议制度"),
    ],
)
def test_a_listed_name_inside_a_longer_one(extract, sentence, listed, candidate):
    report = extract(WRAP.format(sentence))
    concepts = {a.concept for a in report.adoptions}
    assert listed in concepts
    assert {key for key, _ in unlisted_names(extract, sentence)} == ({candidate} if candidate else set())


@pytest.mark.parametrize(
    "adopted, planned, key",
    [
        ("推行“环保管家”服务模式。", "深化“环保管家”服务。", "环保管家服务模式"),
        ("推广“草原枫桥·牧民说事”工作法。", "深化“牧民说事”工作法。", "草原枫桥·牧民说事工作法"),
        ("创新打造“玉见和睦”调解工作法。", "拓展“玉见和睦”调解工作法。", "玉见和睦调解工作法"),
    ],
)
def test_a_report_names_its_own_brand_in_several_ways(extract, adopted, planned, key):
    # one local mechanism, adopted this year and to be deepened next year: adopted, not planned too
    text = f"某区人民政府关于2024年法治政府建设情况的报告\n一、主要举措和成效\n{adopted}\n二、2025年工作安排\n{planned}\n"
    report = extract(text)
    local = [(a.concept, a.status, len(a.mentions)) for a in report.adoptions if not report.mentions[a.mentions[0]].listed]
    assert local == [(key, "adopted", 1)]
    assert {m.concept for m in report.mentions if not m.listed} == {key}


def test_governance_alone_makes_no_name(extract):
    # 治理 is the genre's own word: 地区治理体系 in 推进地区治理体系和治理能力现代化 names nothing;
    # a quoted or specific name before it still does
    report = extract("某区2022年法治政府建设情况报告\n一、主要举措\n推进地区治理体系和治理能力现代化。推进市域治理体系建设。深化“网格化+”基层治理模式。\n", source="t.txt")
    keys = {a.concept for a in report.adoptions}
    assert "地区治理体系" not in keys and "市域治理体系" not in keys
    assert "网格化+基层治理模式" in keys


def test_a_goal_word_before_something_other_than_a_place_can_name_a_method(extract):
    assert "法治体检" in found(extract, "推行“法治体检”。")
