import pytest

from helpers import PLAN, REPORT, projects

CASES = [
    pytest.param('一、2018年工作回顾\n推动项目开工建设,长江存储、华星光电t3、天马G6一期量产,小米武汉总部、联影医疗华中总部等一批项目正式开工,全年完成工业投资279亿元。', REPORT, [('长江存储', 'operating', 'actual'), ('华星光电t3', 'operating', 'actual'), ('天马G6一期', 'operating', 'actual'), ('小米武汉总部', 'started', 'actual'), ('联影医疗华中总部', 'started', 'actual')], id='list into its milestone, 等一批项目'),
    pytest.param('二、2019年重点工作任务\n确保建成光谷火车站、光谷广场综合体等重大项目,谋划推进光谷生态大走廊、光谷长江大桥项目,加快地铁19号线、高新大道、光谷大道等重点市政基础设施建设。', REPORT, [('光谷火车站', 'completed', 'target'), ('光谷广场综合体', 'completed', 'target'), ('光谷生态大走廊', 'planned', 'target'), ('光谷长江大桥', 'planned', 'target'), ('地铁19号线', 'under_construction', 'target'), ('高新大道', 'under_construction', 'target'), ('光谷大道', 'under_construction', 'target')], id='plan part: 确保建成, 谋划推进, 加快...建设'),
    pytest.param('一、2018年工作回顾\n推动中国信科集团总部落户,抢抓5G产业制高点。光谷同济儿童医院签约奠基。地铁11号线东段提前通车。', REPORT, [('中国信科集团总部', 'signed', 'actual'), ('光谷同济儿童医院', 'started', 'actual'), ('地铁11号线东段', 'completed', 'actual')], id='落户, 签约奠基, 通车'),
    pytest.param('一、2018年工作回顾\n新引进天马G6二期等6个百亿元以上项目。出台高质量发展20条,举办光谷青桐汇等品牌双创活动。新获批国家信息光电子创新中心。', REPORT, [('天马G6二期', 'signed', 'actual')], id='a named project in a group; not projects: groups, policies, events, designations'),
    pytest.param('一、2024年工作回顾\n光谷科技创新大走廊和光谷中央生态大走廊加快建设,星河广场、光谷大道、地铁11号线等建成投用。', dict(REPORT, review_year=2024, plan_year=2025), [('光谷科技创新大走廊', 'under_construction', 'actual'), ('光谷中央生态大走廊', 'under_construction', 'actual'), ('星河广场', 'operating', 'actual'), ('光谷大道', 'operating', 'actual'), ('地铁11号线', 'operating', 'actual')], id='和 between two facilities, 建成投用'),
    pytest.param('二、主要任务\n加快推进轨道交通16号线等重点项目。(责任单位:城乡建设局、通航产业园)', dict(PLAN, doc_type="implementation_plan"), [('轨道交通16号线', 'under_construction', 'target')], id='offices in 责任单位 are not projects'),
    pytest.param('一、2019年工作回顾\n重大工业项目有序推进,中兴新材生产研发基地、创维光显等31个项目投产投运,润禾生物、中饮巴比等项目即将完工。', dict(REPORT, review_year=2019, plan_year=2020), [('中兴新材生产研发基地', 'operating', 'actual'), ('创维光显', 'operating', 'actual'), ('润禾生物', 'completed', 'target'), ('中饮巴比', 'completed', 'target')], id='即将 is a target'),
]

CASES += [
    pytest.param('一、2018年工作回顾\n硅谷小镇开工建设,移动互联创谷加快推进。东湖综合保税区(二期)正式封关运行。', REPORT, [('硅谷小镇', 'started', 'actual'), ('移动互联创谷', 'under_construction', 'actual'), ('东湖综合保税区(二期)', 'operating', 'actual')], id='a name alone with its milestone'),
    pytest.param('一、2018年工作回顾\n总投资50亿元的华星光电t5项目开工建设。光谷同济儿童医院开工,总投资20亿元。', REPORT, [('华星光电t5', 'started', 'actual'), ('光谷同济儿童医院', 'started', 'actual')], id='investment of one project'),
    pytest.param('二、2025年主要安排\n大力吸引基金、创投、风投等金融机构落户。积极招引显示面板模组、硬件终端设备等配套企业。加快引进一批自动驾驶、氢燃料电池、车联网等项目。', dict(REPORT, review_year=2024, plan_year=2025), [], id='companies and kinds are not projects'),
    pytest.param('二、2025年主要安排\n加快推进电网和输变电站建设。加快光谷同济儿童医院、社区卫生服务中心建设。吸引行业龙头企业全国总部、第二总部入驻。加速小区配套幼儿园建设、移交及使用。强力推进新城建设。', dict(REPORT, review_year=2024, plan_year=2025), [('光谷同济儿童医院', 'under_construction', 'target')], id='generic facilities are not projects'),
    pytest.param('三、主要任务\n加快推进武汉物流园、正新物流华中运营总部等项目落地。紧抓东风财务公司总部、中金资本华中总部等项目。支持空港湿地花田、月亮谷露营农场等农文旅项目打响品牌。', dict(PLAN, doc_type='implementation_plan'), [('武汉物流园', 'signed', 'target'), ('正新物流华中运营总部', 'signed', 'target'), ('东风财务公司总部', 'other', 'target'), ('中金资本华中总部', 'other', 'target'), ('空港湿地花田', 'other', 'target'), ('月亮谷露营农场', 'other', 'target')], id='the milestone after a pushed list; lists marked as projects without a milestone'),
    pytest.param('二、2019年重点工作任务\n加快四渠两河综合整治工程、社区雨污分流等重点项目建设。全面推进冰雪运动小镇、三甲综合医院及健康医养中心等项目。招引国际知名企业奥托立夫研发中心等项目。', REPORT, [('四渠两河综合整治工程', 'under_construction', 'target'), ('冰雪运动小镇', 'under_construction', 'target'), ('三甲综合医院及健康医养中心', 'under_construction', 'target'), ('奥托立夫研发中心', 'signed', 'target')], id='named works, a compound facility, descriptors in front of a name'),
]
CASES += [
    pytest.param('一、2023年工作回顾\n江城铁路集 团、光谷金融中部基地、黄鹤酒业集团第二总部等大型央企、 民企 相继开工开业。长青动力项目当年签约、当年建成投产。', dict(REPORT, review_year=2023, plan_year=2024), [('光谷金融中部基地', 'started', 'actual'), ('黄鹤酒业集团第二总部', 'started', 'actual'), ('长青动力', 'signed', 'actual')], id='companies in a group of firms; a project signed and built the same year'),
]

CASES += [
    pytest.param('一、2018年工作回顾\n新引进小米、科大讯飞、旷视科技、小红书、新思科技等知名企业第二总部”30多家,推动新经济领军企业深耕光谷,做实第二总部。', REPORT, [('小米第二总部', 'signed', 'actual'), ('科大讯飞第二总部', 'signed', 'actual'), ('旷视科技第二总部', 'signed', 'actual'), ('小红书第二总部', 'signed', 'actual'), ('新思科技第二总部', 'signed', 'actual')], id='second headquarters shared by a list of companies'),
    pytest.param('一、2018年工作回顾\n促成中诚信、中国医疗器械有限公司等知名企业总部迁址光谷。', REPORT, [('中诚信总部', 'signed', 'actual'), ('中国医疗器械有限公司总部', 'signed', 'actual')], id='headquarters shared by a list, 迁址'),
    pytest.param('二、2019年重点工作任务\n启动野芷湖、青菱湖、野湖等治理项目,实施汤逊湖、巡司河、青菱河、南湖连通渠片区雨污分流改造工作。', REPORT, [('野芷湖治理项目', 'started', 'target'), ('青菱湖治理项目', 'started', 'target'), ('野湖治理项目', 'started', 'target'), ('汤逊湖片区雨污分流改造', 'planned', 'target'), ('巡司河片区雨污分流改造', 'planned', 'target'), ('青菱河片区雨污分流改造', 'planned', 'target'), ('南湖连通渠片区雨污分流改造', 'planned', 'target')], id='等治理项目 and a head after the last item; 实施 in a plan is planned'),
    pytest.param('一、2018年工作回顾\n全力实施综合村、机场河、革新村等片区城中村改造,完成征收拆迁面积23万平方米,腾退土地3130亩。', REPORT, [('综合村城中村改造', 'under_construction', 'actual'), ('机场河城中村改造', 'under_construction', 'actual'), ('革新村城中村改造', 'under_construction', 'actual')], id='urban villages sharing 城中村改造'),
    pytest.param('一、2018年工作回顾\n西南片生态水网建设工程全面启动,泥达湖和东流港连通工程基本完工。', REPORT, [('西南片生态水网建设工程', 'started', 'actual'), ('泥达湖和东流港连通工程', 'completed', 'actual')], id='a milestone word inside the name is not its milestone; 基本完工'),
    pytest.param('二、2019年重点工作任务\n启动光谷生物城创新园二期、国际生命健康园建设,进一步拓展生物产业发展新空间。', REPORT, [('光谷生物城创新园二期', 'started', 'target'), ('国际生命健康园', 'started', 'target')], id='启动...建设 is started'),
    pytest.param('二、2019年重点工作任务\n加快引进建设武汉精密测量创新研究院、中国科学院大学武汉学院等创新平台。', REPORT, [('武汉精密测量创新研究院', 'signed', 'target'), ('中国科学院大学武汉学院', 'signed', 'target')], id='引进建设 is signed'),
    pytest.param('二、2019年重点工作任务\n规划建设光谷科技创新大走廊核心承载区,加快建设光谷科学岛。', REPORT, [('光谷科技创新大走廊核心承载区', 'planned', 'target'), ('光谷科学岛', 'under_construction', 'target')], id='规划建设 and 加快建设, names without a common facility suffix'),
    pytest.param('二、2019年重点工作任务\n加快数字经济产业园建设,推进人工智能、大数据、物联网等产业聚集融合发展。', REPORT, [('数字经济产业园', 'under_construction', 'target')], id='经济 inside a facility name'),
    pytest.param('二、2019年重点工作任务\n建设华中科学生态城,启动土地收储工作。推动市第四医院常青院区二期项目建设,高水平建设省运动医学中心。完成区运动健康指导中心建设。', REPORT, [('华中科学生态城', 'planned', 'target'), ('市第四医院常青院区二期', 'under_construction', 'target'), ('省运动医学中心', 'planned', 'target'), ('区运动健康指导中心', 'completed', 'target')], id='a bare 建设 in a plan is planned; 推动...建设 under way; 完成...建设 completed'),
    pytest.param('二、2019年重点工作任务\n加快推进长江干堤险段综合治理。尽快建成恒大现代农业、“中国种谷”项目,着力引进优质农产品生产销售企业。', dict(PLAN, doc_type='implementation_plan'), [('长江干堤险段综合治理', 'under_construction', 'target'), ('恒大现代农业', 'completed', 'target'), ('中国种谷', 'completed', 'target')], id='a facility ending over a task ending; “X”项目 in a list'),
    pytest.param('二、2019年重点工作任务\n加快国家技术转移中部中心、国家高等学校科技成果转化和技术转移基地建设。', REPORT, [('国家技术转移中部中心', 'under_construction', 'target'), ('国家高等学校科技成果转化和技术转移基地', 'under_construction', 'target')], id='等 inside 高等 ends no list'),
    pytest.param('一、2018年工作回顾\n数字物流产业孵化基地启用。完成1.1万亩高标准农田建设,建成投用4.5万吨应急物资储备粮库,建成投产万亩现代渔业保供基地一期,开工建设“西湖大农仓”。', REPORT, [('数字物流产业孵化基地', 'operating', 'actual'), ('应急物资储备粮库', 'operating', 'actual'), ('万亩现代渔业保供基地一期', 'operating', 'actual'), ('西湖大农仓', 'started', 'actual')], id='启用; a size in front of a name; a name in quotes'),
    pytest.param('二、2019年重点工作任务\n开工建设皇冠烘焙产业园、旭东休闲食品生产基地,推动鑫磊智慧产业园一期投产达产。打造氢能源特色产业园,引入氢能装备创新研发中心。', REPORT, [('皇冠烘焙产业园', 'started', 'target'), ('旭东休闲食品生产基地', 'started', 'target'), ('鑫磊智慧产业园一期', 'operating', 'target'), ('氢能源特色产业园', 'planned', 'target'), ('氢能装备创新研发中心', 'signed', 'target')], id='投产达产, 打造 in a plan, 引入'),
    pytest.param('一、2018年工作回顾\n深入推进杨春湖地区生态治理,北洋桥垃圾填埋场生态修复项目竣工验收。', REPORT, [('北洋桥垃圾填埋场生态修复', 'completed', 'actual')], id='竣工验收'),
    pytest.param('二、2019年重点工作任务\n推动永旺梦乐城、软通动力产业园、712所氢能产业园等高效高新项目落地。谋划启动重离子医院等项目。', REPORT, [('永旺梦乐城', 'signed', 'target'), ('软通动力产业园', 'signed', 'target'), ('712所氢能产业园', 'signed', 'target'), ('重离子医院', 'started', 'target')], id="a numbered institute's park; 谋划启动"),
    pytest.param('一、2018年工作回顾\n推动湖工大马房山片区改造、狮山同创汇等项目取得突破性进展。加强花山港口岸功能建设。', dict(REPORT, review_year=2018), [('湖工大马房山片区改造', 'under_construction', 'actual'), ('狮山同创汇', 'under_construction', 'actual'), ('花山港口岸', 'under_construction', 'actual')], id='推动 and 加强 push projects on; 功能 behind a name'),
    pytest.param('二、2019年重点工作任务\n大力推动交通、物流、能源等基础设施智能化改造。依托商务城和智慧生态城两大园区,加快引进国内外专业孵化平台。获批跨境电商综合试验区,花山港获批外贸码头并启动外贸航线。', REPORT, [], id='kinds, the N big parks, designations'),
    pytest.param('三、主要任务\n加快东湖科学城建设,以光谷科学岛、九峰山科技园、生命健康阁等为内核,涵盖光谷科技创新资源密集区。', PLAN, [('东湖科学城', 'under_construction', 'target'), ('光谷科学岛', 'planned', 'target'), ('九峰山科技园', 'planned', 'target'), ('生命健康阁', 'planned', 'target')], id='a list of facilities without a milestone in a plan'),
    pytest.param('三、主要任务\n4.产业平台:火眼实验室项目、华中地区细胞工程技术与产业基地、华中科技大学国际医学中心、中国中药华中产业中心。', PLAN, [('火眼实验室', 'planned', 'target'), ('华中地区细胞工程技术与产业基地', 'planned', 'target'), ('华中科技大学国际医学中心', 'planned', 'target'), ('中国中药华中产业中心', 'planned', 'target')], id="the named items of a five-year plan's major-project box"),
    pytest.param('一、2023年工作回顾\n杭海城际铁路西延工程开工建设,通苏嘉甬高铁、沪嘉城际铁路加快建设,鱼腥脑航道开通运行,京杭运河二通道建成通航。', dict(REPORT, review_year=2023, plan_year=2024), [('杭海城际铁路西延工程', 'started', 'actual'), ('通苏嘉甬高铁', 'under_construction', 'actual'), ('沪嘉城际铁路', 'under_construction', 'actual'), ('鱼腥脑航道', 'operating', 'actual'), ('京杭运河二通道', 'completed', 'actual')], id='开通运行, 建成通航 (a report from another province)'),
]
CASES += [
    pytest.param('一、2023年工作回顾\n关岭盘江光伏基地、中核紫云储能电站建成并网,分别成为全省首个百万千瓦级光伏基地和集中式大型电化学储能电站。安顺古城历史文化街区实现开街。飞越黄果树球幕影院、黄鹤营温泉度假村开业运营。', dict(REPORT, review_year=2023, plan_year=2024), [('关岭盘江光伏基地', 'operating', 'actual'), ('中核紫云储能电站', 'operating', 'actual'), ('安顺古城历史文化街区', 'operating', 'actual'), ('飞越黄果树球幕影院', 'operating', 'actual'), ('黄鹤营温泉度假村', 'operating', 'actual')], id='建成并网, 开街, 开业运营; 成为 names a title'),
    pytest.param('二、2024年工作目标和主要任务\n加快航新、速威、豪然等重点项目建设。', dict(REPORT, review_year=2023, plan_year=2024), [('航新', 'under_construction', 'target'), ('速威', 'under_construction', 'target'), ('豪然', 'under_construction', 'target')], id='two-character names in a list marked as projects'),
]
CASES += [
    pytest.param('二、2024年主要任务\n做大生物医药产业,竣工投产肝素钠提取、银耳种植及多糖提取项目。完善重大项目要素保障机制,建成通车苍巴高速、汉巴南铁路巴中至南充段。', dict(REPORT, review_year=2023, plan_year=2024), [('肝素钠提取', 'operating', 'target'), ('银耳种植及多糖提取', 'operating', 'target'), ('苍巴高速', 'completed', 'target'), ('汉巴南铁路巴中至南充段', 'completed', 'target')], id='a compound milestone in front of a list'),
    pytest.param('一、2023年工作回顾\n积极开展巴中优质产品市场推广活动,杭州巴中农特产品馆建成运营。南江霞石新材料生产线等11个超亿元工业项目建成投运。市科技馆开馆。', dict(REPORT, review_year=2023, plan_year=2024), [('杭州巴中农特产品馆', 'operating', 'actual'), ('南江霞石新材料生产线', 'operating', 'actual'), ('市科技馆', 'operating', 'actual')], id='建成运营, 建成投运, 开馆'),
]
CASES += [
    pytest.param('二、2024年工作目标和主要任务\n加快推进贵州能源普定电厂、关岭下坝抽水蓄能电站等项目前期工作,开工建设镇宁鱼凹光伏电站、关岭岗乌老屯坡风电场等10个以上新能源项目。', dict(REPORT, review_year=2023, plan_year=2024), [('贵州能源普定电厂', 'planned', 'target'), ('关岭下坝抽水蓄能电站', 'planned', 'target'), ('镇宁鱼凹光伏电站', 'started', 'target'), ('关岭岗乌老屯坡风电场', 'started', 'target')], id='前期工作 is planned'),
]
CASES += [
    pytest.param('一、2023年工作回顾\n沿江高铁合肥至武汉段开工,和襄高速、合霍阜高速六安段加快建设,龙河口引水工程完工。', dict(REPORT, review_year=2023, plan_year=2024), [('沿江高铁合肥至武汉段', 'started', 'actual'), ('和襄高速', 'under_construction', 'actual'), ('合霍阜高速六安段', 'under_construction', 'actual'), ('龙河口引水工程', 'completed', 'actual')], id='a name starting with 和'),
]

@pytest.mark.parametrize("text, document, expected", CASES)
def test_projects(text, document, expected):
    assert projects(text, document) == expected


def test_investment_of_one_project():
    """总投资X亿元的Y项目 and "Y...,总投资X亿元" give Y's investment; a clause with several projects gives none."""
    from cn_gov_reports.projects import extract_projects
    from cn_gov_reports.sections import build_sections
    text = ('一、2018年工作回顾\n总投资50亿元的华星光电t5项目开工建设。光谷同济儿童医院开工,总投资20.5亿元。'
            '小米武汉总部、联影医疗华中总部等项目开工,总投资100亿元。')
    rows = extract_projects(text, build_sections(REPORT["id"], text), REPORT)
    assert [(r["name"], r["investment"], r["investment_text"]) for r in rows] == [
        ("华星光电t5", 5000000000, "50亿元"), ("光谷同济儿童医院", 2050000000, "20.5亿元"),
        ("小米武汉总部", None, ""), ("联影医疗华中总部", None, "")]


def test_a_shared_head_names_each_item_and_marks_the_item():
    """小米、科大讯飞等知名企业第二总部: the names join each item to the head; the offsets mark the item as written,
    and project_key is the name's key."""
    from cn_gov_reports.projects import extract_projects
    from cn_gov_reports.sections import build_sections
    text = '一、2018年工作回顾\n新引进小米、科大讯飞等知名企业第二总部30多家。'
    rows = extract_projects(text, build_sections(REPORT["id"], text), REPORT)
    assert [(r["name"], text[r["char_start"]:r["char_end"]], r["project_key"]) for r in rows] == [
        ("小米第二总部", "小米", "小米第二总部"), ("科大讯飞第二总部", "科大讯飞", "科大讯飞第二总部")]


R2023 = dict(REPORT, review_year=2023, plan_year=2024)
# real reports from other sites (issue 15 follow-up): one case per phrasing, the sentence verbatim
CASES_REAL = [
    pytest.param('三、主要任务\n1.全球重大创新策源地。瞄准世界科技前沿和国家战略需求,以东湖科学城建设为抓手,加快建设“国之重器”平台载体,加快完善创新制度软环境。', PLAN, [('东湖科学城', 'planned', 'target')], id='以X建设为抓手 names X'),
    pytest.param('二、2024年主要任务\n动态储备重大前期项目300个以上,力争完成义龙庆高速公路庆元段核准、温武吉铁路预可研审查,深化杭丽铁路前期,确保重大项目建设接续有力。', R2023, [('义龙庆高速公路庆元段', 'planned', 'target'), ('温武吉铁路', 'planned', 'target')], id='完成…核准 and 预可研审查 are planned'),
    pytest.param('二、2024年主要任务\n基本完工红鱼洞水库渠系工程,加快江家口、青峪口水库建设,推进黄石盘水库竣工验收,做好高桥、兰草、青龙嘴、官房沟等大中型水库前期工作;开工建设曾口220千伏输变电工程,加快建设500千伏主变增容扩建工程。', R2023, [('江家口水库', 'under_construction', 'target'), ('青峪口水库', 'under_construction', 'target'), ('黄石盘水库', 'completed', 'target'), ('高桥水库', 'planned', 'target'), ('兰草水库', 'planned', 'target'), ('青龙嘴水库', 'planned', 'target'), ('官房沟水库', 'planned', 'target'), ('曾口220千伏输变电工程', 'started', 'target')], id='X、Y水库 and X、Y等大中型水库 share the head'),
    pytest.param('一、2023年工作回顾\n高温合金叶片技术打破国外垄断;氮化镓激光芯片实现量产,填补国内产业化空白。', R2023, [], id='a chip in mass production is a product'),
    pytest.param('二、2024年主要任务\n开展“绿美江淮”行动,加快实施中央财政国土绿化试点示范项目,稳步推进国家储备林项目建设,创建2个森林城镇、15个森林村庄。', R2023, [], id='国家储备林 is a programme'),
    pytest.param('二、2024年主要任务\n系统推进强村富民、低收入家庭综合帮扶集成改革,新盘活利用闲置农房1000幢以上,融合造林、竹木、油茶等产业发展打造百亿国储林项目,激活居民稳定增收的新动能。', R2023, [], id='国储林 is a programme'),
    pytest.param('二、2024年主要任务\n深化QFLP全域试点、RCEP高水平开放合作示范区建设,用好外资招引激励政策,大力开展全球大招商活动,加强与国际会展组织、行业协会合作,加大制造业外资项目、外资研发中心招引力度,引进超亿美元项目50个以上,力争实际利用外资30亿美元。', R2023, [], id='加大…招引力度 is an effort'),
    pytest.param('一、2023年工作回顾\n新增国家级智能制造示范工厂和绿色工厂12家,隆基绿能嘉兴基地建成全球光伏行业首个“灯塔工厂”,全市规上工业亩均增加值220万元、增长14%。', R2023, [], id='建成…首个 is a title'),
    pytest.param('一、2023年工作回顾\n云贵高原道地药材关岭集散中心开市运营,黄果树中央厨房成为国家级农业产业化重点龙头企业,新增全省引领型龙头企业14家。', R2023, [('云贵高原道地药材关岭集散中心', 'operating', 'actual')], id='开市运营'),
    pytest.param('二、2024年主要任务\n加强与中航重机的深度合作,加快推进安大产业园二期、安吉产业园二期项目建设,推动大型高温合金精密铸造中心、大型热等静压中心、钛合金航空新材料、高端航空机械加工等重点项目落地建设,拓展材料、机加等上下游产业链。', R2023, [('安大产业园二期', 'under_construction', 'target'), ('安吉产业园二期', 'under_construction', 'target'), ('大型高温合金精密铸造中心', 'under_construction', 'target'), ('大型热等静压中心', 'under_construction', 'target'), ('钛合金航空新材料', 'under_construction', 'target'), ('高端航空机械加工', 'under_construction', 'target')], id='等 inside 热等静压 ends no list'),
    pytest.param('二、2024年主要任务\n抓牢项目建设。', R2023, [], id='抓牢项目建设 is a lead-in'),
    pytest.param('一、2023年工作回顾\n省级区域医疗中心落地建设,新建成紧密型县域医共体9个、县域医疗次中心3个。', R2023, [], id='a provincial-level designation'),
    pytest.param('一、2023年工作回顾\n开展项目建设大会战,储备项目1961个、投资总额2486亿元,省市重点项目完成投资843亿元,分别超年度计划45.9、20.7个百分点,上榜全省交通项目推进、投资运行“红榜”。', R2023, [], id='上榜 is a ranking'),
    pytest.param('二、2024年主要任务\n升级打造“秀美之城”。', R2023, [], id='X之城 is a slogan'),
    pytest.param('二、2024年主要任务\n落实县区产业园区项目统筹协同机制,开展标准化工业园区创建示范认定,推动专业化特色园区、绿色园区建设。', R2023, [], id='parks named only by generic modifiers'),
    pytest.param('二、2024年主要任务\n围绕主导产业和战略性新兴产业,深化校地、校企合作,推动龙头企业与高校院所共建省级以上制造业创新中心等创新平台,务实推进安徽工研院六安院、安大科技园六安分园建设,加快工大智谷(六安)落地;', R2023, [('安徽工研院六安院', 'under_construction', 'target'), ('安大科技园六安分园', 'under_construction', 'target'), ('工大智谷(六安)', 'signed', 'target')], id='共建 partners, 分园, a place in brackets behind a facility'),
    pytest.param('一、2023年工作回顾\n国家历史遗留废弃矿山生态修复示范工程、水源区水生态环境导向开发、引江补汉、丹江口水库库滨带治理等扎实推进。', R2023, [], id='a head shared after the last item ends it: 水库库滨带 is not one'),
    pytest.param('二、2024年主要任务\n稳步推进城市更新,打通断头路,开工建设南华路上跨G312及接线工程,改造22个老旧小区。', R2023, [('南华路上跨G312及接线工程', 'started', 'target')], id='接线工程'),
    pytest.param('一、2023年工作回顾\n丽水机场建筑单体全部结顶,迈入工程建设向试飞运营衔接的冲刺阶段。', R2023, [('丽水机场建筑单体', 'completed', 'actual')], id='全部结顶'),
    pytest.param('一、2023年工作回顾\n内江国际物流港铁路专用线等167个重点项目开工建设,向家坝灌区内江供水管道工程、资中县两河口水库、隆昌市狮子岩水库扩建工程、麻柳坝大桥及连接线工程等重点项目加快推进。', R2023, [('内江国际物流港铁路专用线', 'started', 'actual'), ('向家坝灌区内江供水管道工程', 'under_construction', 'actual'), ('资中县两河口水库', 'under_construction', 'actual'), ('隆昌市狮子岩水库扩建工程', 'under_construction', 'actual'), ('麻柳坝大桥及连接线工程', 'under_construction', 'actual')], id='a bridge and its connection works are one project'),
]


@pytest.mark.parametrize("text, document, expected", CASES_REAL)
def test_projects_on_real_reports(text, document, expected):
    assert projects(text, document) == expected
