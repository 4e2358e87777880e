from cn_gov_reports.chrome import clean

GOV_PAGE = """您所在的位置: 首页 > 政府信息公开 > 工作报告
索 引 号: 010889595/2020-877144 分     类: 综合政务
发布机构: 东湖高新区党工委、管委会办公室 发文日期: 2020-07-03 11:05:00
文   号: 三号 效力状态: 有效

东湖高新区2019年工作报告

【字体:

一、2018年工作回顾

2018年,GDP增长9.7%。

强化担当作为。深入开展大调研大落实。


政府网站
区内企业网站
专题栏目
版权所有:武汉东湖新技术开发区管委会 地址:武汉市高新大道777号
鄂ICP备16021917号-1 网站标识码:4201000013 邮编:430075
技术支持:湖北荆楚网络科技股份有限公司"""

FORUM = """设为首页收藏本站
查看: 1552|回复: 0
[复制链接]
  • TA的每日心情
    开心
    2019-3-11 08:54
  • 签到天数: 9 天
    1575
    主题
    Rank: 7Rank: 7Rank: 7
    发表于 2021-1-7 10:44:26 | 显示全部楼层 |阅读模式
    2020年武汉市黄陂区政府工作报告
    各位代表:
    一、2019年工作回顾"""


def test_government_page_chrome_and_metadata_dropped():
    c = clean(GOV_PAGE)
    assert c.text.split() == ["东湖高新区2019年工作报告", "一、2018年工作回顾", "2018年,GDP增长9.7%。",
                              "强化担当作为。深入开展大调研大落实。"]
    assert c.metadata == {"index_number": "010889595/2020-877144", "issuer": "东湖高新区党工委、管委会办公室",
                          "published": "2020-07-03 11:05:00", "doc_number": "三号"}


def test_forum_furniture_dropped_report_kept():
    c = clean(FORUM)
    assert c.text.split() == ["2020年武汉市黄陂区政府工作报告", "各位代表:", "一、2019年工作回顾"]


def test_traditional_metadata_labels():
    c = clean("1. 發布機構:\n    2. 發文日期:2017-01-23\n江漢區2017年政府工作報告\n各位代表:\n" + "正文。" * 20)
    assert c.metadata == {"published": "2017-01-23"}
    assert "江漢區2017年政府工作報告" in c.text and "發文日期" not in c.text


def test_download_site_banner_and_repost_counter():
    text = ("《关于印发规划的通知》\n\n浏览量:          时间:2024-01-10 21:33:42\n启标文库-一个优质的标准下载网站\n"
            "规划正文。\n" * 3)
    c = clean(text)
    assert "浏览量" not in c.text and "启标文库" not in c.text and "规划正文。" in c.text


def test_signature_above_footer_is_kept():
    text = "正文一段。\n" * 10 + "\n武汉市人民政府\n2021年12月2日\n版权所有:武汉市人民政府\n"
    c = clean(text)
    assert "武汉市人民政府\n2021年12月2日" in c.text and "版权所有" not in c.text


def test_text_without_chrome_is_unchanged():
    text = "各位代表:\n一、2024年工作回顾\n项目建设跑出加速度。狠抓土地出让"
    assert clean(text).text == text
