"""Mechanisms as real reports write them (the kinds of misses seen on unseen reports, issue 10):
national institutions the starting list lacked, and listed ones written differently."""

from __future__ import annotations

import pytest

WRAP = "某县人民政府关于2023年法治政府建设情况的报告\n一、主要举措和成效\n(一)甲。{}\n"

CASES = [
 ("成功创建全国法治政府建设示范市。", "法治政府建设示范创建"),
 ("积极争创全国法治政府建设示范县。", "法治政府建设示范创建"),
 ("入选全国法治政府建设示范地区。", "法治政府建设示范创建"),
 ("获评全国法治政府建设单项示范项目。", "法治政府建设示范创建"),
 ("认真实施法治宣传教育的第八个五年规划。", "八五普法"),
 ("认真履行推进法治建设第一责任人职责。", "法治建设第一责任人职责"),
 ("落实党政主要负责人法治建设第一责任人责任。", "法治建设第一责任人职责"),
 ("落实法治建设第一责任人制度。", "法治建设第一责任人职责"),
 ("开展法治建设督察。", "法治督察"),
 # 督查 is written for 督察; an inspected department's own construction word; the 一趟 forms
 ("对13个县市开展法治政府建设督查。", "法治督察"),
 ("将法治政府部门建设纳入厅系统年度目标责任考核。", "法治政府建设考核"),
 ("以“一趟不用跑”和“最多跑一趟”为目标。", "最多跑一次"),
 ("推行服务型行政执法。", "柔性执法"),
 ("对A级纳税人实施守信联合激励措施。", "守信联合激励失信联合惩戒"),
 ("梳理公布行政检查事项清单。", "涉企检查规范"),
 ("组织镇村干部旁听行政案件庭审1次。", "国家工作人员旁听庭审"),
 ("推行企业登记全程电子化。", "企业登记全程电子化"),
 ("全面推行“谁执法谁普法”责任清单制度。", "谁执法谁普法"),
 ("落实一居委一律师。", "一村（社区）一法律顾问"),
 ("落实决策、执行、管理、服务、结果“五公开”。", "政务公开"),
 ("开展法治政府建设实地督察。", "法治督察"),
 ("推行行政执法全过程记录。", "执法全过程记录制度"),
 ("公布市级权力清单。", "权责清单"),
 ("推行“一窗受理、集成服务”。", "综合窗口"),
 ("推动人民调解、司法调解、行政调解联动。", "三调联动"),
 ("严格执行重大行政决策法定程序。", "重大行政决策程序"),
 ("规范重大行政决策。", "重大行政决策程序"),
 ("坚持会前学法制度。", "会前学法"),
 ("政府常务会议学法12次。", "会前学法"),
 ("组织任前法律知识考试。", "任前考法"),
 ("落实宪法宣誓制度。", "宪法宣誓制度"),
 ("将法治建设纳入绩效考核。", "法治政府建设考核"),
 ("推行公职律师公司律师制度。", "公职律师制度"),
 ("创建民主法治示范村(社区)3个。", "民主法治示范村（社区）创建"),
 ("开展规范性文件后评估。", "规范性文件后评估"),
 ("建立信用修复机制。", "信用修复"),
 ("落实一岗双责。", "一岗双责"),
 ("严格执行“三重一大”决策制度。", "三重一大"),
 ("落实“第一议题”制度。", "第一议题制度"),
 ("推行以案释法。", "以案释法"),
 ("“双随机、一公开”监管工作荣获省级表彰。", "双随机一公开"),
 ("开展理论学习中心组学法4次。", "理论学习中心组学法"),
 ("制定领导干部应知应会法律法规清单。", "领导干部应知应会法律法规清单"),
 ("扎实推进法律援助工作。", "法律援助"),
 ("深入开展法治政府建设评估。", "法治政府建设评估"),
 # hiring an adviser or posting an in-house lawyer is the adviser system at work
 ("乡政府聘请2名律师担任常年法律顾问。", "政府法律顾问制度"),
 ("选聘律师事务所担任区政府法律顾问。", "政府法律顾问制度"),
 ("为全镇各村(社区)聘请法律顾问。", "一村（社区）一法律顾问"),
 ("选派律师担任村级法律顾问。", "一村（社区）一法律顾问"),
 ("全局配备公职律师6名。", "公职律师制度"),
 # an enumeration inside the assessment construction
 ("将法治建设纳入各街道、部门年度绩效考核。", "法治政府建设考核"),
 ("把依法行政工作成效纳入全县部门绩效评估。", "法治政府建设考核"),  # 绩效评估 is the performance assessment too
 # items coordinated in front of a name share its ending
 ("推行证明事项和涉企经营许可事项告知承诺制。", "证明事项告知承诺制"),
 ("全面推行行政执法公示和重大执法决定法制审核制度。", "行政执法公示制度"),
 # an optional 的
 ("深入实施法治宣传教育第八个五年规划。", "八五普法"),
 # units of the pastoral regions and the banner as a county
 ("创建民主法治示范嘎查村4个。", "民主法治示范村（社区）创建"),
 ("成功创建自治区法治政府建设示范旗。", "法治政府建设示范创建"),
 # written so on eval/blind2 (a second blind set): the official enumeration, bare in-house lawyers,
 # the village designation without 示范, the older name of the assessment, the enforcement platform
 ("推行公职律师、公司律师制度。", "公职律师制度"),
 ("全县公职律师达到24名。", "公职律师制度"),
 ("创建省级民主法治村3个。", "民主法治示范村（社区）创建"),
 ("将依法行政考评纳入全市绩效考核体系。", "法治政府建设考核"),
 ("推进信访工作法治化。", "信访法治化"),
 ("开通12345市民服务热线。", "12345政务服务便民热线"),
 # written so on eval/blind3: the institution by its name, at work (both blind annotators count it)
 ("充分发挥政府法律顾问作用。", "政府法律顾问制度"),
 # provinces' government-services apps, each its own brand of 一网通办 (both later blind sets count them)
 ("依托“浙里办”推行掌上办事。", "浙里办"),
 ("1200项事项接入皖事通,实现掌上可办。", "皖事通"),
 # a part of a regime is the regime (the national guidance requires the list of random checks)
 ("动态调整部门随机抽查事项清单。", "双随机一公开"),
 ("开展部门联合抽查126次。", "双随机一公开"),  # the joint form of 双随机 (国发〔2019〕5号)
 ("建立“一单两库”,随机抽取检查对象。", "双随机一公开"),  # its list and two pools (国办发〔2015〕58号)
 # counted forms of a listed regime: any number of certificates in one, one adviser per village
 ("推行“二十四证合一”改革。", "多证合一"),
 ("全面推行“一镇一顾问”,法律顾问覆盖所有村居。", "一村（社区）一法律顾问"),
 # what is put into the assessment is the rule-of-law work, whatever it is called (issue 10: 考评, 绩效考核)
 ("将依法行政工作纳入旗县市区实绩考核,权重占4%。", "法治政府建设考核"),
 ("将法治税务建设纳入全局年度重点工作和绩效考评体系。", "法治政府建设考核"),
 ("述法评议结果纳入年度绩效考核。", "法治政府建设考核"),
 # … whoever is assessed, the counties (市、区) in brackets included, and whatever is governed by law (依法治税)
 ("将依法行政工作纳入各县(市、区)和市直部门年度目标管理考核。", "法治政府建设考核"),
 ("将依法治税工作纳入绩效管理。", "法治政府建设考核"),
 # … or a composite appraisal (综合测评), or the work's weight in an assessment
 ("将法治建设纳入全县经济社会发展综合测评。", "法治政府建设考核"),
 ("依法行政工作在全市目标管理考核中的分值提高到6分。", "法治政府建设考核"),
 # law study before any leading body's meeting is 会前学法, however the meeting is named
 ("坚持局党组会议召开前集中学法。", "会前学法"),
 ("坚持党工委会议学法,全年学法10次。", "会前学法"),
 # the theory-study group studies law however the sentence puts it (issue 10: 理论学习中心组学法)
 ("地委理论学习中心组开展专题学法2次。", "理论学习中心组学法"),
 ("局党组理论学习中心组专题学习习近平法治思想4次。", "理论学习中心组学法"),
 ("将习近平法治思想纳入党组理论学习中心组年度学习计划。", "理论学习中心组学法"),
 # the three-year action for enforcement quality, its words in any of the orders reports use
 ("深入推进行政执法质量三年提升行动。", "行政执法质量三年行动"),
 # wordings written blind from the national documents (a helper that opened no report or gold)
 ("全面推行行政协议合法性审查。", "行政合同合法性审查"),
 ("严格落实“三管三必须”要求。", "安全生产责任制"),
 ("落实“谁管理谁普法”责任。", "谁执法谁普法"),
 ("在教育系统落实密切接触未成年人行业入职查询。", "入职查询制度"),
 ("推行AB岗工作制,确保窗口不断档。", "AB岗工作制"),
 ("推行“亮码入企”,规范涉企检查。", "涉企检查规范"),
 ("推进非诉讼纠纷解决机制建设。", "矛盾纠纷多元化解"),
 # the three uniform steps of normative documents, by name or spelled out
 ("严格执行规范性文件“三统一”和备案审查。", "规范性文件“三统一”"),
 ("落实统一登记、统一编号、统一公布的“三统一”制度。", "规范性文件“三统一”"),
 ("建立特邀行政执法监督员制度。", "特邀行政执法监督员制度"),
 # wordings of the assessment, the study group, the study of officials and case-file review
 ("法治建设成效在县绩效考核中的权重保持在5%以上。", "法治政府建设考核"),
 ("将普法履职情况纳入法治建设绩效考评。", "法治政府建设考核"),
 # the assessment named in the second of two things the work is put into
 ("将法治政府建设纳入全市经济社会发展总体规划，纳入各部门年度绩效考核。", "法治政府建设考核"),
 ("组织述法评议，评议结果纳入经济社会发展综合考核。", "法治政府建设考核"),
 # the national reform of large towns (关于深入推进经济发达镇行政管理体制改革的指导意见)
 ("作为经济发达镇扩权强镇试点，承接县级权限132项。", "经济发达镇行政管理体制改革"),
 ("推进街乡综合执法，组建综合执法队。", "综合行政执法"),
 ("县委理论学习中心组开展习近平法治思想专题学习2次。", "理论学习中心组学法"),
 ("突出抓好领导干部和公务员学法用法。", "领导干部学法用法"),
 ("开展执法案卷自查，整改问题12个。", "行政执法案卷评查"),
 # the five-year plans of legal education, the next one included
 ("谋划启动“九五”普法规划。", "九五普法"),
 ("圆满完成“六五”普法规划。", "六五普法"),
]


@pytest.mark.parametrize("sentence, concept", CASES)
def test_written_as_reports_write_it(extract, sentence, concept):
    report = extract(WRAP.format(sentence))
    assert concept in {a.concept for a in report.adoptions}


@pytest.mark.parametrize("sentence", ["充分发挥法律顾问作用。", "法律顾问审查合同15件。"])
def test_naming_an_adviser_is_not_the_adviser_system(extract, sentence):
    """Only hiring or posting one says the system was set up; using one says nothing new."""
    report = extract(WRAP.format(sentence))
    assert "政府法律顾问制度" not in {a.concept for a in report.adoptions}


def test_a_coordinated_item_must_make_a_label(extract):
    """Only an item that makes a label with the name's ending is a mention: 加强宣传和 adds none."""
    report = extract(WRAP.format("加强宣传和涉企经营许可事项告知承诺制。"))
    assert {m.surface.text for m in report.mentions} == {"涉企经营许可事项告知承诺制"}


def test_a_short_form_after_a_narrower_name_is_that_name_again(extract):
    """告知承诺制 after 证明事项告知承诺制 in one sentence is the same system, not its broader one too;
    in another sentence the broader name counts as itself."""
    same = extract(WRAP.format("全面推行证明事项告知承诺制，公布实行告知承诺制的证明事项清单92项。"))
    assert {a.concept for a in same.adoptions} >= {"证明事项告知承诺制"}
    assert "告知承诺制" not in {a.concept for a in same.adoptions}
    assert {m.surface.text: m.concept for m in same.mentions}["告知承诺制"] == "证明事项告知承诺制"
    apart = extract(WRAP.format("全面推行证明事项告知承诺制。在市场准入领域推行告知承诺制。"))
    assert {"证明事项告知承诺制", "告知承诺制"} <= {a.concept for a in apart.adoptions}


@pytest.mark.parametrize(
    "sentence, concept",
    [
        ("区司法局设立行政执法协调监督科，配备专职人员3名。", "行政执法协调监督工作体系"),
        ("成立府院联动办公室。", "府院联动"),
        ("全年市、县两级劳动人事争议仲裁院立案受理争议案件1200件。", "劳动人事争议仲裁"),
        # a service point named after a mechanism, where it is only the place or the means
        ("在市公共法律服务中心设立涉侨法律服务窗口。", "公共法律服务体系"),
        ("依托旗矛盾纠纷多元化解中心实行一站式接收。", "矛盾纠纷多元化解"),
    ],
)
def test_an_office_named_after_a_mechanism_is_a_body(extract, sentence, concept):
    """An office whose name ends in 科, 办公室 … is a body; the mechanism in its name is not adopted."""
    assert concept not in {a.concept for a in extract(WRAP.format(sentence)).adoptions}


@pytest.mark.parametrize(
    "sentence, concept",
    [
        ("在区人民法院设立诉调对接工作室。", "诉调对接"),
        ("全县19个乡镇全部建成公共法律服务工作站。", "公共法律服务体系"),
        ("设立全省首个设在经济开发区的行政执法协调监督工作站。", "行政执法协调监督工作体系"),
        ("建立府院联动机制，行政执法协调监督覆盖全部乡镇。", "行政执法协调监督工作体系"),
        ("推行行政执法协调监督，科学规范执法。", "行政执法协调监督工作体系"),
    ],
)
def test_a_service_point_or_plain_words_after_it_keep_the_mechanism(extract, sentence, concept):
    assert concept in {a.concept for a in extract(WRAP.format(sentence)).adoptions}


def test_a_short_form_inside_a_narrower_name_is_that_name_again(extract):
    """告知承诺 stands inside 证明事项告知承诺制: the same system again. 普法 stands inside “八五”普法规划
    but is too short to be its short form: 开展普法活动 is 普法 work of its own."""
    same = extract(WRAP.format("全面推行证明事项告知承诺制，公布告知承诺事项清单52项。"))
    assert "告知承诺制" not in {a.concept for a in same.adoptions}
    assert {m.surface.text: m.concept for m in same.mentions}["告知承诺"] == "证明事项告知承诺制"
    short = extract(WRAP.format("深入实施“八五”普法规划，组织开展普法活动。"))
    assert {m.surface.text: m.concept for m in short.mentions}["普法"] == "法治宣传教育"


def test_starting_a_business_is_no_mechanism_its_reform_is(extract):
    """企业开办 alone is the act of starting a business (企业开办时间压缩至1个工作日); the reform
    has its own names (企业开办全程网办, 压缩企业开办时间)."""
    plain = extract(WRAP.format("深化商事制度改革,企业开办时间压缩至1个工作日。"))
    assert not any(a.concept.startswith("企业开办") for a in plain.adoptions)
    named = extract(WRAP.format("推行企业开办全程网办,企业开办时间压缩至1个工作日。"))
    assert "企业开办便利化" in {a.concept for a in named.adoptions}


@pytest.mark.parametrize(
    "sentence",
    [
        "建成全省统一的行政执法监督平台。",
        "全面应用全国行政执法综合管理监督信息系统。",
        "各执法部门统一在省行政执法监督平台公示执法信息。",
    ],
)
def test_a_platform_is_no_mechanism(extract, sentence):
    """A platform or information system is the means, not an arrangement (the seeds' gold: “一站一会”
    涉外法治平台 is a platform, no mechanism); what is done on it may be one (行政执法公示)."""
    report = extract(WRAP.format(sentence))
    surfaces = [report.mentions[i].surface.text for a in report.adoptions for i in a.mentions]
    assert not any("平台" in s or "信息系统" in s for s in surfaces), surfaces


@pytest.mark.parametrize(
    "sentence, concept",
    [
        ("落实生态环境保护“党政同责、一岗双责”。", "生态环境保护党政同责"),
        ("推行安全生产责任保险。", "安全生产责任保险"),
        ("实施外商投资准入负面清单。", "外商投资准入负面清单"),
    ],
)
def test_a_negative_label_of_one_concept_does_not_block_another_that_it_names(extract, sentence, concept):
    """安全生产责任制 refuses 生态环境保护“党政同责、一岗双责”, which is 生态环境保护党政同责's own label."""
    assert concept in {a.concept for a in extract(WRAP.format(sentence)).adoptions}


def test_a_mechanism_that_a_construction_holds_as_its_subject_stays(extract):
    """述法评议结果纳入综合考核: the assessment is adopted, and so is 述法, the construction's subject."""
    report = extract(WRAP.format("组织开展述法评议，评议结果纳入经济社会发展综合考核。"))
    assert {"述法", "法治政府建设考核"} <= {a.concept for a in report.adoptions}


@pytest.mark.parametrize(
    "sentence, concept",
    [
        ("县行政审批局牵头推进“高效办成一件事”。", "集中审批"),  # a body, not the reform that made it
        ("实施“综合查一次”，全年减少涉企检查2100余次。", "涉企检查规范"),  # the inspections, counted
        ("帮助412户企业完成经营异常名录移出。", "企业信息公示制度"),  # a list firms leave, not the system
    ],
)
def test_words_that_name_less_than_the_mechanism(extract, sentence, concept):
    assert concept not in {a.concept for a in extract(WRAP.format(sentence)).adoptions}


def test_supervising_as_a_duty_is_no_mechanism(extract):
    """综合监管 alone is a duty (安全生产综合监管), not the cross-department supervision system."""
    report = extract(WRAP.format("依法履行安全生产综合监管职责。"))
    assert "跨部门综合监管" not in {a.concept for a in report.adoptions}


@pytest.mark.parametrize(
    "sentence, concept",
    [
        # “三统一” alone says three things are unified, not which: here enforcement's, not documents'
        ("实现执法标准、执法文书、执法装备“三统一”。", "规范性文件“三统一”"),
        # the people appointed are a role; the system is named as such
        ("在街道设立联络点，聘请特邀行政执法监督员32名。", "特邀行政执法监督员制度"),
        # a body whose name starts with a listed name
        ("签订《基层群众自治组织协助政府管理事项》清单。", "基层群众自治"),
        # an inspection of another field, rectified, is no rule-of-law inspection
        ("配合开展中央环境保护督察反馈问题整改。", "法治督察"),
        ("完成统计督察整改任务。", "法治督察"),
    ],
)
def test_look_alikes_of_a_listed_name(extract, sentence, concept):
    report = extract(WRAP.format(sentence))
    assert concept not in {a.concept for a in report.adoptions}
