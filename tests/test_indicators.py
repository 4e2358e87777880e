import pytest

from helpers import PLAN, REPORT, indicators

CASES = [
    pytest.param('一、2023年工作回顾\n上海港货物吞吐量达到8.4亿吨。上海市地区生产总值增长5%。', dict(REPORT, region="上海市", review_year=2023, plan_year=2024), [
        {'mention': '8.4亿吨', 'subject': '上海港货物吞吐量', 'indicator': '', 'value': 8.4, 'unit': '亿吨', 'value_base': 840000000, 'unit_base': '吨', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2023'},
        {'mention': '5%', 'subject': '地区生产总值', 'indicator': 'gdp', 'value': 5, 'unit': '%', 'value_base': 5, 'unit_base': '%', 'measure': 'growth', 'status': 'actual', 'comparator': '=', 'period': '2023'},
    ], id='the place named in full is no part of a subject; its short name is (上海港)'),
    pytest.param('一、2018年工作回顾\n2018年,主要经济指标保持较快增长,GDP增长9.7%;规上工业增加值增长10.5%。', REPORT, [
        {'mention': '9.7%', 'subject': 'GDP', 'indicator': 'gdp', 'value': 9.7, 'unit': '%', 'value_base': 9.7, 'unit_base': '%', 'measure': 'growth', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '10.5%', 'subject': '规上工业增加值', 'indicator': 'industrial_value_added', 'value': 10.5, 'unit': '%', 'value_base': 10.5, 'unit_base': '%', 'measure': 'growth', 'status': 'actual', 'comparator': '=', 'period': '2018'},
    ], id='headline growth list'),
    pytest.param('一、2018年工作回顾\n招商引资实际到位资金788亿元,实际利用外资23亿美元,均位列全市第一。', REPORT, [
        {'mention': '788亿元', 'subject': '招商引资实际到位资金', 'indicator': 'investment_attracted', 'value': 788, 'unit': '亿元', 'value_base': 78800000000, 'unit_base': '元', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '23亿美元', 'subject': '实际利用外资', 'indicator': 'foreign_investment_used', 'value': 23, 'unit': '亿美元', 'value_base': 2300000000, 'unit_base': '美元', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '第一', 'subject': '招商引资实际到位资金', 'indicator': '', 'value': 1, 'unit': '', 'value_base': 1, 'unit_base': '', 'measure': 'rank', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '第一', 'subject': '实际利用外资', 'indicator': '', 'value': 1, 'unit': '', 'value_base': 1, 'unit_base': '', 'measure': 'rank', 'status': 'actual', 'comparator': '=', 'period': '2018'},
    ], id='均位列 applies to each'),
    pytest.param('一、2018年工作回顾\nPM10、PM2.5平均浓度分别下降18.6%、11.8%,空气质量优良率上升5.8%。', REPORT, [
        {'mention': '18.6%', 'subject': 'PM10平均浓度', 'indicator': 'pm10', 'value': 18.6, 'unit': '%', 'value_base': 18.6, 'unit_base': '%', 'measure': 'decline', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '11.8%', 'subject': 'PM2.5平均浓度', 'indicator': 'pm25', 'value': 11.8, 'unit': '%', 'value_base': 11.8, 'unit_base': '%', 'measure': 'decline', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '5.8%', 'subject': '空气质量优良率', 'indicator': 'air_quality_good_days', 'value': 5.8, 'unit': '%', 'value_base': 5.8, 'unit_base': '%', 'measure': 'growth', 'status': 'actual', 'comparator': '=', 'period': '2018'},
    ], id='PM list with 、'),
    pytest.param('一、2018年工作回顾\nPM10PM2.5平均浓度分别下降18.6%11.8%。', REPORT, [
        {'mention': '18.6%', 'subject': 'PM10平均浓度', 'indicator': 'pm10', 'value': 18.6, 'unit': '%', 'value_base': 18.6, 'unit_base': '%', 'measure': 'decline', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '11.8%', 'subject': 'PM2.5平均浓度', 'indicator': 'pm25', 'value': 11.8, 'unit': '%', 'value_base': 11.8, 'unit_base': '%', 'measure': 'decline', 'status': 'actual', 'comparator': '=', 'period': '2018'},
    ], id='PM list whose 、 was lost'),
    pytest.param('一、2023年工作回顾\n规上工业增加值、固定资产投资、社会消费品零售总额、一般公共预算收入分别增长8.2%、8.1%、8.7%、21.2%。', dict(REPORT, review_year=2023, plan_year=2024), [
        {'mention': '8.2%', 'subject': '规上工业增加值', 'indicator': 'industrial_value_added', 'value': 8.2, 'unit': '%', 'value_base': 8.2, 'unit_base': '%', 'measure': 'growth', 'status': 'actual', 'comparator': '=', 'period': '2023'},
        {'mention': '8.1%', 'subject': '固定资产投资', 'indicator': 'fixed_asset_investment', 'value': 8.1, 'unit': '%', 'value_base': 8.1, 'unit_base': '%', 'measure': 'growth', 'status': 'actual', 'comparator': '=', 'period': '2023'},
        {'mention': '8.7%', 'subject': '社会消费品零售总额', 'indicator': 'retail_sales', 'value': 8.7, 'unit': '%', 'value_base': 8.7, 'unit_base': '%', 'measure': 'growth', 'status': 'actual', 'comparator': '=', 'period': '2023'},
        {'mention': '21.2%', 'subject': '一般公共预算收入', 'indicator': 'local_general_budget_revenue', 'value': 21.2, 'unit': '%', 'value_base': 21.2, 'unit_base': '%', 'measure': 'growth', 'status': 'actual', 'comparator': '=', 'period': '2023'},
    ], id='four subjects 分别'),
    pytest.param('一、2021年工作回顾\n预计全年完成地区生产总值 1720 亿元、 同比增\n长 14.5%,总量稳居中心城区第一;', dict(REPORT, review_year=2021, plan_year=2022), [
        {'mention': '1720 亿元', 'subject': '地区生产总值', 'indicator': 'gdp', 'value': 1720, 'unit': '亿元', 'value_base': 172000000000, 'unit_base': '元', 'measure': 'level', 'status': 'estimate', 'comparator': '=', 'period': '2021'},
        {'mention': '14.5%', 'subject': '地区生产总值', 'indicator': 'gdp', 'value': 14.5, 'unit': '%', 'value_base': 14.5, 'unit_base': '%', 'measure': 'growth', 'status': 'estimate', 'comparator': '=', 'period': '2021'},
        {'mention': '第一', 'subject': '地区生产总值总量', 'indicator': '', 'value': 1, 'unit': '', 'value_base': 1, 'unit_base': '', 'measure': 'rank', 'status': 'estimate', 'comparator': '=', 'period': '2021'},
    ], id='PDF line breaks inside numbers'),
    pytest.param('一、2018年工作回顾\n全年新增企业2万多家、总数7万多家,新增高新技术企业480家、独角兽企业3家。', REPORT, [
        {'mention': '2万多家', 'subject': '新增企业', 'indicator': '', 'value': 2, 'unit': '万家', 'value_base': 20000, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '>', 'period': '2018'},
        {'mention': '7万多家', 'subject': '企业总数', 'indicator': 'enterprises', 'value': 7, 'unit': '万家', 'value_base': 70000, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '>', 'period': '2018'},
        {'mention': '480家', 'subject': '新增高新技术企业', 'indicator': '', 'value': 480, 'unit': '家', 'value_base': 480, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '3家', 'subject': '新增独角兽企业', 'indicator': '', 'value': 3, 'unit': '家', 'value_base': 3, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
    ], id='总数 takes the noun before'),
    pytest.param('一、2018年工作回顾\n实施第十二批“3551光谷人才计划”,推动5G产业发展,地铁11号线东段提前通车,出台高质量发展20条。东湖高新区创建30周年。重点抓好以下六个方面工作。', REPORT, [
    ], id='names, ordinals, anniversaries and own parts are not indicators'),
    pytest.param('一、2018年工作回顾\n新增孵化器7家、众创空间15家,累计有孵化器60家(国家级17家)。', REPORT, [
        {'mention': '7家', 'subject': '新增孵化器', 'indicator': '', 'value': 7, 'unit': '家', 'value_base': 7, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '15家', 'subject': '新增众创空间', 'indicator': '', 'value': 15, 'unit': '家', 'value_base': 15, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '60家', 'subject': '孵化器', 'indicator': '', 'value': 60, 'unit': '家', 'value_base': 60, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '17家', 'subject': '国家级孵化器', 'indicator': '', 'value': 17, 'unit': '家', 'value_base': 17, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
    ], id='chained 新增 and 国家级 in brackets'),
    pytest.param('一、2018年工作回顾\n大力发展股权投资机构,新增200家,总数达1100家。', REPORT, [
        {'mention': '200家', 'subject': '新增股权投资机构', 'indicator': '', 'value': 200, 'unit': '家', 'value_base': 200, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '1100家', 'subject': '股权投资机构总数', 'indicator': '', 'value': 1100, 'unit': '家', 'value_base': 1100, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
    ], id='empty lead takes the previous clause'),
    pytest.param('一、2018年工作回顾\n新建中小学5所、投入使用5所、扩建6所,增加学位近万个。', REPORT, [
        {'mention': '5所', 'subject': '新建中小学', 'indicator': '', 'value': 5, 'unit': '所', 'value_base': 5, 'unit_base': '所', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '5所', 'subject': '中小学投入使用', 'indicator': '', 'value': 5, 'unit': '所', 'value_base': 5, 'unit_base': '所', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '6所', 'subject': '中小学扩建', 'indicator': '', 'value': 6, 'unit': '所', 'value_base': 6, 'unit_base': '所', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '万个', 'subject': '增加学位', 'indicator': '', 'value': 1, 'unit': '万个', 'value_base': 10000, 'unit_base': '个', 'measure': 'count', 'status': 'actual', 'comparator': '~', 'period': '2018'},
    ], id='verbs after the first item'),
    pytest.param('一、2018年工作回顾\n办理外籍人才认定28人次,占全市一半。', REPORT, [
        {'mention': '28人次', 'subject': '办理外籍人才认定', 'indicator': '', 'value': 28, 'unit': '人次', 'value_base': 28, 'unit_base': '人次', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '一半', 'subject': '办理外籍人才认定占全市', 'indicator': '', 'value': 0.5, 'unit': '', 'value_base': 50, 'unit_base': '%', 'measure': 'share', 'status': 'actual', 'comparator': '=', 'period': '2018'},
    ], id='一半 and 近万'),
    pytest.param('二、2019年重点工作任务\n2019年经济社会发展的预期目标是:地区生产总值增长8.0%以上;招商引资实际到位资金七百八十八亿元;确保全年新增城镇就业岗位4万个。', REPORT, [
        {'mention': '8.0%', 'subject': '地区生产总值', 'indicator': 'gdp', 'value': 8, 'unit': '%', 'value_base': 8, 'unit_base': '%', 'measure': 'growth', 'status': 'target', 'comparator': '>=', 'period': '2019'},
        {'mention': '七百八十八亿元', 'subject': '招商引资实际到位资金', 'indicator': 'investment_attracted', 'value': 788, 'unit': '亿元', 'value_base': 78800000000, 'unit_base': '元', 'measure': 'level', 'status': 'target', 'comparator': '=', 'period': '2019'},
        {'mention': '4万个', 'subject': '新增城镇就业岗位', 'indicator': 'urban_new_jobs', 'value': 4, 'unit': '万个', 'value_base': 40000, 'unit_base': '个', 'measure': 'count', 'status': 'target', 'comparator': '=', 'period': '2019'},
    ], id='plan part, Chinese numeral, 确保'),
    pytest.param('一、“十三五”时期发展成就\n“十三五”时期,东湖高新区发展迅速。2020年东湖高新区地区生产总值超2000亿元、同比增长5.1%。\n二、发展目标\n全区经济总量突破5000亿元,打造1-2家千亿级企业,万人发明专利拥有量翻一番。', PLAN, [
        {'mention': '2000亿元', 'subject': '地区生产总值', 'indicator': 'gdp', 'value': 2000, 'unit': '亿元', 'value_base': 200000000000, 'unit_base': '元', 'measure': 'level', 'status': 'actual', 'comparator': '>', 'period': '2020'},
        {'mention': '5.1%', 'subject': '地区生产总值', 'indicator': 'gdp', 'value': 5.1, 'unit': '%', 'value_base': 5.1, 'unit_base': '%', 'measure': 'growth', 'status': 'actual', 'comparator': '=', 'period': '2020'},
        {'mention': '5000亿元', 'subject': '经济总量', 'indicator': 'gdp', 'value': 5000, 'unit': '亿元', 'value_base': 500000000000, 'unit_base': '元', 'measure': 'level', 'status': 'target', 'comparator': '>', 'period': '2021-2025'},
        {'mention': '1', 'subject': '千亿级企业', 'indicator': '', 'value': 1, 'unit': '家', 'value_base': 1, 'unit_base': '家', 'measure': 'count', 'status': 'target', 'comparator': '>=', 'period': '2021-2025'},
        {'mention': '2家', 'subject': '千亿级企业', 'indicator': '', 'value': 2, 'unit': '家', 'value_base': 2, 'unit_base': '家', 'measure': 'count', 'status': 'target', 'comparator': '<=', 'period': '2021-2025'},
        {'mention': '翻一番', 'subject': '万人发明专利拥有量', 'indicator': 'invention_patents_owned', 'value': 2, 'unit': '倍', 'value_base': 2, 'unit_base': '倍', 'measure': 'growth', 'status': 'target', 'comparator': '=', 'period': '2021-2025'},
    ], id='five-year plan: review chapter actual, range 1-2家, 翻一番'),
    pytest.param('二、工作目标\n力争地区生产总值保持每年8%左右增速,固定资产投资额、工业增加值、服务业增加值每年达到两位数以上增长。', dict(PLAN, doc_type="implementation_plan", plan_end_year=None, plan_year=2019), [
        {'mention': '8%', 'subject': '地区生产总值', 'indicator': 'gdp', 'value': 8, 'unit': '%', 'value_base': 8, 'unit_base': '%', 'measure': 'growth', 'status': 'target', 'comparator': '~', 'period': ''},
        {'mention': '两位数', 'subject': '固定资产投资额', 'indicator': 'fixed_asset_investment', 'value': 10, 'unit': '%', 'value_base': 10, 'unit_base': '%', 'measure': 'growth', 'status': 'target', 'comparator': '>=', 'period': ''},
        {'mention': '两位数', 'subject': '工业增加值', 'indicator': 'industrial_value_added', 'value': 10, 'unit': '%', 'value_base': 10, 'unit_base': '%', 'measure': 'growth', 'status': 'target', 'comparator': '>=', 'period': ''},
        {'mention': '两位数', 'subject': '服务业增加值', 'indicator': 'services_value_added', 'value': 10, 'unit': '%', 'value_base': 10, 'unit_base': '%', 'measure': 'growth', 'status': 'target', 'comparator': '>=', 'period': ''},
    ], id='两位数 shared by a list'),
    pytest.param('一、過去五年工作回顧\n地方一般公共預算收入76.3億元,是2011年的2倍。', dict(REPORT, review_year=2016, plan_year=2017), [
        {'mention': '76.3億元', 'subject': '地方一般公共預算收入', 'indicator': 'local_general_budget_revenue', 'value': 76.3, 'unit': '亿元', 'value_base': 7630000000, 'unit_base': '元', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2012-2016'},
        {'mention': '2倍', 'subject': '地方一般公共預算收入', 'indicator': 'local_general_budget_revenue', 'value': 2, 'unit': '倍', 'value_base': 2, 'unit_base': '倍', 'measure': 'other', 'status': 'actual', 'comparator': '=', 'period': '2012-2016'},
    ], id='traditional characters'),
    pytest.param('一、2019年工作回顾\n全国县域经济百强榜进位至第77位。全区有效刑事警情下降20.7%,拆除违建10多万方,企业开办压减至4.5个工作日。', dict(REPORT, review_year=2019, plan_year=2020), [
        {'mention': '第77位', 'subject': '全国县域经济百强榜', 'indicator': '', 'value': 77, 'unit': '', 'value_base': 77, 'unit_base': '', 'measure': 'rank', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '20.7%', 'subject': '有效刑事警情', 'indicator': '', 'value': 20.7, 'unit': '%', 'value_base': 20.7, 'unit_base': '%', 'measure': 'decline', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '10多万方', 'subject': '拆除违建', 'indicator': '', 'value': 10, 'unit': '万方', 'value_base': 100000, 'unit_base': '立方米', 'measure': 'level', 'status': 'actual', 'comparator': '>', 'period': '2019'},
        {'mention': '4.5个工作日', 'subject': '企业开办', 'indicator': '', 'value': 4.5, 'unit': '个工作日', 'value_base': 4.5, 'unit_base': '工作日', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2019'},
    ], id='rank, decline, 多万, 工作日'),
]

CASES += [
    pytest.param('一、2018年工作回顾\n推动35卡脖子技术攻关获国家重大项目立项。斗鱼网络等4家企业包揽全省专利申请前四强。', REPORT, [
        {'mention': '35', 'subject': '卡脖子技术攻关获国家重大项目立项', 'indicator': '', 'value': 35, 'unit': '', 'value_base': 35, 'unit_base': '', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '4家', 'subject': '包揽全省专利申请前四强企业', 'indicator': '', 'value': 4, 'unit': '家', 'value_base': 4, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
    ], id='count whose unit was lost; generic noun takes what it did'),
    pytest.param('一、2019年工作回顾\n区政府挂牌机构由22家调减为12家,街乡认领的可网办事项由56项上升至83项,领导职数精简24%。', dict(REPORT, review_year=2019, plan_year=2020), [
        {'mention': '22家', 'subject': '区政府挂牌机构', 'indicator': '', 'value': 22, 'unit': '家', 'value_base': 22, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '12家', 'subject': '区政府挂牌机构', 'indicator': '', 'value': 12, 'unit': '家', 'value_base': 12, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '56项', 'subject': '街乡认领的可网办事项', 'indicator': '', 'value': 56, 'unit': '项', 'value_base': 56, 'unit_base': '项', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '83项', 'subject': '街乡认领的可网办事项', 'indicator': '', 'value': 83, 'unit': '项', 'value_base': 83, 'unit_base': '项', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '24%', 'subject': '领导职数精简', 'indicator': '', 'value': 24, 'unit': '%', 'value_base': 24, 'unit_base': '%', 'measure': 'decline', 'status': 'actual', 'comparator': '=', 'period': '2019'},
    ], id='from-to pairs share one subject'),
    pytest.param('二、发展目标\n常住人口城镇化率由2015年的65%提高到2020年的75%。', PLAN, [
        {'mention': '65%', 'subject': '常住人口城镇化率', 'indicator': 'urbanization_rate', 'value': 65, 'unit': '%', 'value_base': 65, 'unit_base': '%', 'measure': 'share', 'status': 'actual', 'comparator': '=', 'period': '2015'},
        {'mention': '75%', 'subject': '常住人口城镇化率', 'indicator': 'urbanization_rate', 'value': 75, 'unit': '%', 'value_base': 75, 'unit_base': '%', 'measure': 'share', 'status': 'actual', 'comparator': '=', 'period': '2020'},
    ], id='from-to with years: each number its own period'),
    pytest.param('一、2019年工作回顾\n地方一般公共预算收入五年内最高(2019年)达到91.85亿元,受理消费者申(投)诉举报3.56万件,学校(幼儿园)食堂量化等级AB级比例达91.8%。', dict(REPORT, review_year=2019, plan_year=2020), [
        {'mention': '91.85亿元', 'subject': '地方一般公共预算收入', 'indicator': 'local_general_budget_revenue', 'value': 91.85, 'unit': '亿元', 'value_base': 9185000000, 'unit_base': '元', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '3.56万件', 'subject': '受理消费者申诉举报', 'indicator': '', 'value': 3.56, 'unit': '万件', 'value_base': 35600, 'unit_base': '件', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '91.8%', 'subject': '学校食堂量化等级AB级比例', 'indicator': '', 'value': 91.8, 'unit': '%', 'value_base': 91.8, 'unit_base': '%', 'measure': 'share', 'status': 'actual', 'comparator': '=', 'period': '2019'},
    ], id='brackets inside a subject, 等级 is not 等'),
    pytest.param('二、2025年主要安排\n粮食、蔬菜、水产品产量分别超过2.6万吨、54万吨、6.7万吨。新培育认证“绿色食品”6个,新增10个“三品一标”农产品。', dict(REPORT, review_year=2024, plan_year=2025), [
        {'mention': '2.6万吨', 'subject': '粮食产量', 'indicator': 'grain_output', 'value': 2.6, 'unit': '万吨', 'value_base': 26000, 'unit_base': '吨', 'measure': 'level', 'status': 'target', 'comparator': '>', 'period': '2025'},
        {'mention': '54万吨', 'subject': '蔬菜产量', 'indicator': '', 'value': 54, 'unit': '万吨', 'value_base': 540000, 'unit_base': '吨', 'measure': 'level', 'status': 'target', 'comparator': '>', 'period': '2025'},
        {'mention': '6.7万吨', 'subject': '水产品产量', 'indicator': '', 'value': 6.7, 'unit': '万吨', 'value_base': 67000, 'unit_base': '吨', 'measure': 'level', 'status': 'target', 'comparator': '>', 'period': '2025'},
        {'mention': '6个', 'subject': '新培育认证“绿色食品”', 'indicator': '', 'value': 6, 'unit': '个', 'value_base': 6, 'unit_base': '个', 'measure': 'count', 'status': 'target', 'comparator': '=', 'period': '2025'},
        {'mention': '10个', 'subject': '新增“三品一标”农产品', 'indicator': '', 'value': 10, 'unit': '个', 'value_base': 10, 'unit_base': '个', 'measure': 'count', 'status': 'target', 'comparator': '=', 'period': '2025'},
    ], id='shared head of a list, quotes kept in pairs'),
    pytest.param('二、发展目标\n打造3个省级优质农产品生产基地、3个农业科技示范基地,创建10家以上省、市级健康企业,集聚了80余家知名企业第二总部,现有各级各类医疗卫生机构215家。', PLAN, [
        {'mention': '3个', 'subject': '省级优质农产品生产基地', 'indicator': '', 'value': 3, 'unit': '个', 'value_base': 3, 'unit_base': '个', 'measure': 'count', 'status': 'target', 'comparator': '=', 'period': '2021-2025'},
        {'mention': '3个', 'subject': '农业科技示范基地', 'indicator': '', 'value': 3, 'unit': '个', 'value_base': 3, 'unit_base': '个', 'measure': 'count', 'status': 'target', 'comparator': '=', 'period': '2021-2025'},
        {'mention': '10家', 'subject': '创建省、市级健康企业', 'indicator': '', 'value': 10, 'unit': '家', 'value_base': 10, 'unit_base': '家', 'measure': 'count', 'status': 'target', 'comparator': '>=', 'period': '2021-2025'},
        {'mention': '80余家', 'subject': '知名企业第二总部', 'indicator': '', 'value': 80, 'unit': '家', 'value_base': 80, 'unit_base': '家', 'measure': 'count', 'status': 'target', 'comparator': '>', 'period': '2021-2025'},
        {'mention': '215家', 'subject': '各级各类医疗卫生机构', 'indicator': '', 'value': 215, 'unit': '家', 'value_base': 215, 'unit_base': '家', 'measure': 'count', 'status': 'target', 'comparator': '=', 'period': '2021-2025'},
    ], id='framing verbs dropped, noun after 以上'),
    pytest.param('一、2024年工作回顾\n与湖北长投等优质资本合作成立7支母子基金,区职校在首届世界技能大赛中斩获6枚奖牌。94家企业入选市中小企业数字化转型试点,宏胜恒枫等10个园区实施增资扩产。', dict(REPORT, review_year=2024, plan_year=2025), [
        {'mention': '7支', 'subject': '成立母子基金', 'indicator': '', 'value': 7, 'unit': '支', 'value_base': 7, 'unit_base': '支', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2024'},
        {'mention': '6枚', 'subject': '斩获奖牌', 'indicator': '', 'value': 6, 'unit': '枚', 'value_base': 6, 'unit_base': '枚', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2024'},
        {'mention': '94家', 'subject': '入选市中小企业数字化转型试点企业', 'indicator': '', 'value': 94, 'unit': '家', 'value_base': 94, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2024'},
        {'mention': '10个', 'subject': '实施增资扩产园区', 'indicator': '', 'value': 10, 'unit': '个', 'value_base': 10, 'unit_base': '个', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2024'},
    ], id='action verb and noun after the count'),
    pytest.param('一、2018年工作回顾\n全年进出口1263.4亿元,新增公交线路5条、优化调整公交线路21条,推动24个老旧社区二次供水改造,加快推进一张网70%区级事项网上可办。', REPORT, [
        {'mention': '1263.4亿元', 'subject': '进出口', 'indicator': 'foreign_trade', 'value': 1263.4, 'unit': '亿元', 'value_base': 126340000000, 'unit_base': '元', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '5条', 'subject': '新增公交线路', 'indicator': '', 'value': 5, 'unit': '条', 'value_base': 5, 'unit_base': '条', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '21条', 'subject': '优化调整公交线路', 'indicator': '', 'value': 21, 'unit': '条', 'value_base': 21, 'unit_base': '条', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '24个', 'subject': '老旧社区二次供水改造', 'indicator': '', 'value': 24, 'unit': '个', 'value_base': 24, 'unit_base': '个', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2018'},
        {'mention': '70%', 'subject': '区级事项网上可办', 'indicator': '', 'value': 70, 'unit': '%', 'value_base': 70, 'unit_base': '%', 'measure': 'share', 'status': 'actual', 'comparator': '=', 'period': '2018'},
    ], id='exact base value, chain verb not carried over an own verb, share before a noun'),
    pytest.param('一、2019年工作回顾\n加快中建三局综合体、出版城二期、722所国防科技产业园等总部项目建设,引进30亿元以上现代服务业项目1个,兑现各类技改奖补资金超亿元。', dict(REPORT, review_year=2019, plan_year=2020), [
        {'mention': '1个', 'subject': '引进30亿元以上现代服务业项目', 'indicator': '', 'value': 1, 'unit': '个', 'value_base': 1, 'unit_base': '个', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '亿元', 'subject': '兑现各类技改奖补资金', 'indicator': '', 'value': 1, 'unit': '亿元', 'value_base': 100000000, 'unit_base': '元', 'measure': 'level', 'status': 'actual', 'comparator': '>', 'period': '2019'},
    ], id='institute numbers and size classes are not indicators; 超亿元'),
    pytest.param('一、2019年工作回顾\n建成人防工程22处、面积16万㎡。强化湖泊治理,投入7.6亿元。开展51场政银企对接活动,推动10家校办社区卫生服务中心及4家独立站对居民提供公共服务,有效确保了军运期间40公里重点线路及4个比赛场馆周边安全有序,及时取消行政许可事项2项。', dict(REPORT, review_year=2019, plan_year=2020), [
        {'mention': '22处', 'subject': '建成人防工程', 'indicator': '', 'value': 22, 'unit': '处', 'value_base': 22, 'unit_base': '处', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '16万㎡', 'subject': '人防工程面积', 'indicator': '', 'value': 16, 'unit': '万㎡', 'value_base': 160000, 'unit_base': '平方米', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '7.6亿元', 'subject': '湖泊治理投入', 'indicator': '', 'value': 7.6, 'unit': '亿元', 'value_base': 760000000, 'unit_base': '元', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '51场', 'subject': '政银企对接活动', 'indicator': '', 'value': 51, 'unit': '场', 'value_base': 51, 'unit_base': '场', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '10家', 'subject': '校办社区卫生服务中心', 'indicator': '', 'value': 10, 'unit': '家', 'value_base': 10, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '4家', 'subject': '独立站', 'indicator': '', 'value': 4, 'unit': '家', 'value_base': 4, 'unit_base': '家', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '40公里', 'subject': '重点线路', 'indicator': '', 'value': 40, 'unit': '公里', 'value_base': 40, 'unit_base': '公里', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '4个', 'subject': '比赛场馆', 'indicator': '', 'value': 4, 'unit': '个', 'value_base': 4, 'unit_base': '个', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
        {'mention': '2项', 'subject': '及时取消行政许可事项', 'indicator': '', 'value': 2, 'unit': '项', 'value_base': 2, 'unit_base': '项', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2019'},
    ], id='nouns stop at the next count, 有效确保了 is no target'),
]
CASES += [
    pytest.param('一、2023年工作回顾\n税收收入五年内最高( 2022年)达到 66.6 亿元,是 “ 十二五 ” 末的 1.5 倍。出台“稻十条”②,综合产值320亿元;构建“3+3+9”工作体系③,全年完成投资880亿元,是上一个五年的2.4倍。县域经济首次排名全省第五。', dict(REPORT, review_year=2023, plan_year=2024), [
        {'mention': '66.6 亿元', 'subject': '税收收入', 'indicator': '', 'value': 66.6, 'unit': '亿元', 'value_base': 6660000000, 'unit_base': '元', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2022'},
        {'mention': '1.5 倍', 'subject': '税收收入', 'indicator': '', 'value': 1.5, 'unit': '倍', 'value_base': 1.5, 'unit_base': '倍', 'measure': 'other', 'status': 'actual', 'comparator': '=', 'period': '2022'},
        {'mention': '320亿元', 'subject': '综合产值', 'indicator': '', 'value': 320, 'unit': '亿元', 'value_base': 32000000000, 'unit_base': '元', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2023'},
        {'mention': '880亿元', 'subject': '投资', 'indicator': '', 'value': 880, 'unit': '亿元', 'value_base': 88000000000, 'unit_base': '元', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2023'},
        {'mention': '2.4倍', 'subject': '投资', 'indicator': '', 'value': 2.4, 'unit': '倍', 'value_base': 2.4, 'unit_base': '倍', 'measure': 'other', 'status': 'actual', 'comparator': '=', 'period': '2023'},
        {'mention': '第五', 'subject': '县域经济', 'indicator': '', 'value': 5, 'unit': '', 'value_base': 5, 'unit_base': '', 'measure': 'rank', 'status': 'actual', 'comparator': '=', 'period': '2023'},
    ], id='PDF spaces, footnote markers, 是上一个五年的'),
    pytest.param('一、2023年工作回顾 全年完成地区生产总值512亿元,增长6.1%。新增市场主体1.2万户。', dict(REPORT, review_year=2023, plan_year=2024), [
        {'mention': '512亿元', 'subject': '地区生产总值', 'indicator': 'gdp', 'value': 512, 'unit': '亿元', 'value_base': 51200000000, 'unit_base': '元', 'measure': 'level', 'status': 'actual', 'comparator': '=', 'period': '2023'},
        {'mention': '6.1%', 'subject': '地区生产总值', 'indicator': 'gdp', 'value': 6.1, 'unit': '%', 'value_base': 6.1, 'unit_base': '%', 'measure': 'growth', 'status': 'actual', 'comparator': '=', 'period': '2023'},
        {'mention': '1.2万户', 'subject': '新增市场主体', 'indicator': '', 'value': 1.2, 'unit': '万户', 'value_base': 12000, 'unit_base': '户', 'measure': 'count', 'status': 'actual', 'comparator': '=', 'period': '2023'},
    ], id='a one-line report'),
    pytest.param('二、2010年工作安排\n今年主要预期目标是:国内生产总值增长8%左右;本市生产总值增长11%左右。', dict(REPORT, review_year=2009, plan_year=2010), [
        {'mention': '8%', 'subject': '国内生产总值', 'indicator': 'gdp', 'value': 8, 'unit': '%', 'value_base': 8, 'unit_base': '%', 'measure': 'growth', 'status': 'target', 'comparator': '~', 'period': '2010'},
        {'mention': '11%', 'subject': '生产总值', 'indicator': 'gdp', 'value': 11, 'unit': '%', 'value_base': 11, 'unit_base': '%', 'measure': 'growth', 'status': 'target', 'comparator': '~', 'period': '2010'},
    ], id='国内生产总值 is gdp; 本市 is a scope word like 全市'),
    pytest.param('二、2016年主要工作\n今年主要预期目标是:本地生产总值增长8.5%左右。', dict(REPORT, review_year=2015, plan_year=2016), [
        {'mention': '8.5%', 'subject': '本地生产总值', 'indicator': 'gdp', 'value': 8.5, 'unit': '%', 'value_base': 8.5, 'unit_base': '%', 'measure': 'growth', 'status': 'target', 'comparator': '~', 'period': '2016'},
    ], id='本地生产总值 is gdp'),
]


@pytest.mark.parametrize("text, document, expected", CASES)
def test_indicators(text, document, expected):
    assert indicators(text, document) == expected


@pytest.mark.parametrize("subject, expected", [
    ("国内生产总值", "gdp"), ("本市生产总值", "gdp"), ("本区地区生产总值", "gdp"), ("本县生产总值", "gdp"),
    ("本省地区生产总值", "gdp"), ("本州生产总值", "gdp"), ("全市生产总值", "gdp"),
    ("本市规上工业增加值", "industrial_value_added"), ("市生产总值", ""), ("本市人才", ""),
])
def test_vocabulary_lookup(subject, expected):
    """Scope words (全市, 本市, 本区, ...) in front of a subject do not change which indicator it names."""
    from cn_gov_reports import vocab
    assert vocab.indicator_for(subject) == expected
