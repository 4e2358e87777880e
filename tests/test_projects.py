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


@pytest.mark.parametrize("text, document, expected", CASES)
def test_projects(text, document, expected):
    assert projects(text, document) == expected
