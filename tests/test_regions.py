"""regions.py: whose report it is, anywhere in China (name in full official form, GB/T 2260 code, level).

One small made-up case per phenomenon; the codes are those of the official list (vocab/divisions.csv)."""
import csv

import pytest

from cn_gov_reports import paths, regions

OPENING = "各位代表:\n现在,我代表{}政府向大会报告工作,请予审议。\n一、2023年工作回顾\n"


def found(text, **kw):
    r = regions.find(text, **kw)
    return r and (r.name, r.code, r.level)


@pytest.mark.parametrize("text, title, expected", [
    pytest.param(OPENING.format("市人民") + "全市经济稳中向好。", "2024年六安市政府工作报告",
                 ("六安市", "341500", "city"), id="title"),
    pytest.param("政府工作报告\n——2024年1月29日在六安市第六届人民代表大会第四次会议上\n" + OPENING.format("市人民")
                 + "合肥都市圈建设。合肥、合肥、合肥。", "", ("六安市", "341500", "city"), id="venue line"),
    pytest.param("政府工作报告\n六安市代市长 张三\n" + OPENING.format("市人民") + "合肥、合肥、合肥。", "",
                 ("六安市", "341500", "city"), id="speaker line, acting mayor"),
    pytest.param("政 府 工 作 报 告\n海拉尔区人民政府区长　　张三\n" + OPENING.format("区人民") + "全区发展。", "",
                 ("海拉尔区", "150702", "district"), id="speaker line, spaced title block"),
    pytest.param("各位代表:\n现在,我代表上海市人民政府,向大会报告工作。\n北京、北京、北京,长三角。", "",
                 ("上海市", "310000", "province"), id="我代表XX人民政府"),
    pytest.param("受锡林郭勒盟行政公署委托。\n受锡林郭勒盟人民政府委托,向大会报告工作。全盟发展。", "",
                 ("锡林郭勒盟", "152500", "city"), id="受XX人民政府委托, a league (盟)"),
    pytest.param(OPENING.format("州人民") + "甘孜州全域旅游,甘孜高质量发展。成都、成都。", "",
                 ("甘孜藏族自治州", "513300", "city"), id="autonomous prefecture by its short names"),
    pytest.param(OPENING.format("区人民") + "我区与玄武区合作。鼓楼区经济发展,鼓楼区。南京市委、南京市的部署。", "",
                 ("鼓楼区", "320106", "district"), id="duplicate short name, parent named elsewhere"),
    pytest.param(OPENING.format("区人民") + "我区发展。", "2023年福州市鼓楼区政府工作报告",
                 ("鼓楼区", "350102", "district"), id="duplicate name, parent in the title"),
    pytest.param("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强\n各位代表:\n"
                 "现在,我代表国务院,向大会报告政府工作。北京、上海、广东。", "", ("全国", "100000", "national"),
                 id="national report"),
    pytest.param("政府工作報告\n——2017年1月在武漢市江漢區第十五屆人民代表大會第一次會議上\n各位代表:\n"
                 "現在,我代表區人民政府向大會報告工作。", "", ("江汉区", "420103", "district"),
                 id="traditional characters"),
    pytest.param(OPENING.format("市人民") + "丽水" * 5 + "。对接杭州、宁波、温州、上海;杭州湾;"
                 "加强与杭州市、温州市合作,学习衢州、金华。" + "全市。" * 3, "", ("丽水市", "331100", "city"),
                 id="many other cities mentioned, its own short name wins"),
    pytest.param(OPENING.format("区人民") + "全区。武汉市、武汉、武汉、武汉。东西湖区发展,东西湖。", "",
                 ("东西湖区", "420112", "district"), id="district report: its city named more, the district wins"),
    pytest.param(OPENING.format("市人民") + "天门高质量发展。武汉城市圈、武汉。天门、天门。全市。", "",
                 ("天门市", "429006", "county"), id="county-level city under the province"),
    pytest.param(OPENING.format("市人民") + "乡村振兴,绿水青山就是金山银山。平安建设。丽水、丽水。", "",
                 ("丽水市", "331100", "city"), id="common words are not places"),
    pytest.param("", "东湖高新区2019年工作报告", ("东湖高新区", "420100-Z01", "zone"), id="zone, local code"),
    pytest.param("", "武汉东湖新技术开发区发展“十四五”规划", ("东湖高新区", "420100-Z01", "zone"), id="zone alias"),
    pytest.param("各位代表:\n现在,我代表坪山新区管委会向大会作工作报告,请予审议。\n深圳、深圳、深圳市。", "",
                 ("坪山新区", "", "zone"), id="我代表XX管委会: an unlisted zone as written, no code"),
    pytest.param("", "深圳市坪山新区2014年工作报告", ("坪山新区", "", "zone"),
                 id="title begins with an unlisted zone: the zone, after the city named before it"),
    pytest.param("", "2023年襄阳高新技术产业开发区工作报告", ("襄阳高新技术产业开发区", "", "zone"),
                 id="unlisted zone with its city's short name in its own name"),
    pytest.param("", "2024年浦东新区政府工作报告", ("浦东新区", "310115", "district"),
                 id="a listed division ending like a zone stays the division"),
    pytest.param("", "深圳市国家级新区发展规划", ("深圳市", "440300", "city"), id="a kind of zone is no zone's name"),
    pytest.param("", "武汉经济技术开发区(汉南区)关于落实促进中部地区崛起战略的实施方案",
                 ("武汉经济技术开发区(汉南区)", "420113", "district"), id="zone governed with a district"),
    pytest.param("", "2020年武汉市黄陂区政府工作报告", ("黄陂区", "420116", "district"), id="city and district in title"),
    pytest.param("东西湖区发展。金银湖片区。东西湖行动。临空港经开区。", "", ("东西湖区", "420112", "district"),
                 id="most named"),
    pytest.param(OPENING.format("区人民") + "建设先进滨海城区,打造滨海城区,提高港区效率。南山、南山科技园。深圳。", "",
                 ("南山区", "440305", "district"),
                 id="name only in short form, its city named; a name inside other words (滨海城区) is no place"),
    pytest.param(OPENING.format("区人民") + "高港区、高港区、高港区的企业来访。南山、南山。深圳湾。", "",
                 ("南山区", "440305", "district"), id="a district whose city the text never names ranks after"),
    pytest.param("发布机构:洪山区政府办公室\n" + OPENING.format("区人民"), "", ("洪山区", "420111", "district"),
                 id="page issuer line"),
    pytest.param(OPENING.format("省人民") + "河北雄安新区建设。全省。", "关于加快雄安新区建设的意见",
                 ("河北省", "130000", "province"), id="a place inside a zone's name (安新 of 雄安新区) is no place"),
    pytest.param("加快雄安新区建设,雄安新区、雄安新区发展。保定、保定。", "", ("保定市", "130600", "city"),
                 id="a zone named often does not make the place inside its name the most named"),
])
def test_find(text, title, expected):
    assert found(text, title=title) == expected


def test_common_words_take_their_characters():
    """滨海 (a common word) is read before 海城区 could begin inside it; 提高 is no name, so 高港区 still is."""
    assert [s for s, _ in regions.mentions("先进滨海城区")] == []
    assert [s for s, _ in regions.mentions("支持壹海城、高港区发展")] == ["海城", "高港区"]


@pytest.mark.parametrize("view, expected", [
    pytest.param("关于加快雄安新区建设的意见", ["雄安新区"], id="after a word in front of a name (加快)"),
    pytest.param("河北雄安新区、在雄安新区", ["雄安新区", "雄安新区"], id="after a listed place, after 在"),
    pytest.param("深圳市坪山新区", ["坪山新区"], id="after its city"),
    pytest.param("2023年襄阳高新技术产业开发区工作报告", ["襄阳高新技术产业开发区"], id="beginning with a place"),
    pytest.param("建成大鹏新区人民医院。健康大鹏,大鹏发展", ["大鹏新区"], id="its stem used alone (大鹏)"),
    pytest.param("推动陆港枢纽新区成势见效", ["陆港枢纽新区"], id="the shortest stem that starts a name"),
    pytest.param("今年新区管委会工作的总体要求是", [], id="a relative year is no name"),
    pytest.param("推动新区高质量发展。这是新区成立以来", [], id="a verb, a function word is no name"),
    pytest.param("深入推进全新区建设", [], id="no name begins inside a verb (推|进全)"),
    pytest.param("深圳市国家级新区。在国家高新区最新排名中,全省开发区", [], id="a kind of zone (rules/zone_kinds.tsv)"),
    pytest.param("上海浦东新区、武汉东湖高新区", [], id="listed places are no unlisted zones"),
])
def test_zones(view, expected):
    assert [name for _, _, name in regions.zones(view)] == expected


def test_a_zone_takes_its_characters():
    """No place begins inside an unlisted zone's name (安新 of 雄安新区); one may begin where it begins (襄阳)."""
    assert [s for s, _ in regions.mentions("关于加快雄安新区建设")] == []
    assert [s for s, _ in regions.mentions("河北雄安新区、襄阳高新区")] == ["河北", "襄阳"]


ZONE_CUT = "今年新区管委会工作的总体要求是:坚持稳中求进。新区党工委带领全新区干部群众,我新区经济稳中向好。{}深圳市、深圳市、深圳市委。"


@pytest.mark.parametrize("text, expected", [
    pytest.param(ZONE_CUT.format("建成大鹏新区人民医院。建设健康大鹏,推动大鹏发展,大鹏海洋经济。"), ("大鹏新区", "", "zone"),
                 id="cut at its start, calls itself 新区: the unlisted zone of that kind whose stem it uses alone"),
    pytest.param("高新区管委会。我高新区。东湖高新区。东湖科学城、东湖之滨。武汉市、武汉市、武汉。", ("东湖高新区", "420100-Z01", "zone"),
                 id="a listed zone of that kind: its listed code"),
    pytest.param(ZONE_CUT.format("推动新区高质量发展,今年新区建设。"), ("深圳市", "440300", "city"),
                 id="no zone's name (今年新区, 推动新区): the place named most"),
    pytest.param(ZONE_CUT.format("大鹏新区人民医院。"), ("深圳市", "440300", "city"), id="its stem never used alone"),
    pytest.param(OPENING.format("区人民") + "新区管委会。大鹏新区人民医院,健康大鹏,大鹏发展。南山区、南山。深圳。",
                 ("南山区", "440305", "district"), id="a government's report (我代表区人民政府) is no zone's"),
    pytest.param("东湖高新区党工委、管委会办公室。在国家高新区最新排名中,国家战略,国家政策。湖北省、湖北。",
                 ("湖北省", "420000", "province"), id="a named committee (东湖高新区党工委) and a kind (国家高新区): no zone"),
])
def test_own_zone(text, expected):
    assert found(text) == expected


def test_issuer_passed_in():
    assert found(OPENING.format("区人民"), issuer="洪山区政府办公室") == ("洪山区", "420111", "district")


def test_nothing_named():
    assert regions.find("某地工作报告") is None


@pytest.mark.parametrize("name, expected", [
    ("六安市", ["六安"]), ("甘孜藏族自治州", ["甘孜州", "甘孜"]), ("内蒙古自治区", ["内蒙古"]), ("锡林郭勒盟", ["锡林郭勒"]),
    ("恩施土家族苗族自治州", ["恩施州", "恩施"]), ("东乡族自治县", ["东乡县", "东乡"]), ("忠县", []), ("浦东新区", ["浦东"]),
])
def test_short_names(name, expected):
    assert regions.short_names(name) == expected


def test_divisions_file():
    """Every province, prefecture and county-level division once, each with a 6-digit code and a known parent."""
    with open(paths.vocab("divisions.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    codes = {r["code"] for r in rows}
    assert len(codes) == len(rows) > 3000
    assert all(len(r["code"]) == 6 and r["code"].isdigit() for r in rows)
    assert all(r["parent_code"] in codes for r in rows if r["level"] != "province")
    assert sum(r["level"] == "province" for r in rows) == 34
    assert set(r["level"] for r in rows) <= set(regions.LEVELS)
