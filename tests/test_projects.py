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
