"""Every table and column of the package, defined once.

The CSV column order, the Frictionless Table Schema, the SQLite column types and keys, and the
Datasette column descriptions in metadata.yml are all generated from the definitions below. The coded
values of a column (doc_type, measure, status, comparator, stage), with their Chinese and English labels and
descriptions, are in vocab/codes.csv: the column's enum and the values its description lists come from there.
SPEC.md (the data contract) is the source of the meanings; columns marked ``extension`` are ours.
"""
import csv
from dataclasses import dataclass, field as dc_field

from . import paths


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string | integer | number | boolean
    en: str  # English description
    zh: str  # Chinese description
    required: bool = False
    enum: tuple = ()
    pattern: str = ""
    unique: bool = False
    extension: bool = False  # a column SPEC.md does not define
    title_zh: str = ""  # short Chinese label of the column header; default: the head of `zh` (short())
    title_en: str = ""  # short English label; default: the name in words (value_base -> Value base)

    @property
    def description(self):
        return f"{self.en} / {self.zh}"

    @property
    def label_zh(self):
        return self.title_zh or short(self.zh)

    @property
    def label_en(self):
        return self.title_en or self.name.replace("_", " ").capitalize()

    @property
    def label(self):
        """The column's one bilingual label, 中文 English: '数值 Value'."""
        return f"{self.label_zh} {self.label_en}"


def short(text):
    """The head of a description, before its first explanation: '文档类型:政府工作报告、…' -> '文档类型'."""
    for mark in ("(", ":", ";", "("):
        text = text.split(mark)[0]
    return text


@dataclass(frozen=True)
class Code:
    """One coded value of a column (a row of vocab/codes.csv)."""
    value: str
    label_zh: str
    label_en: str
    description: str  # what the column's description says of the value (may be empty)


def read_codes(path=paths.vocab("codes.csv")):
    """{(table, column): (Code, ...)} in the file's order."""
    codes = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            codes.setdefault((row["table"], row["column"]), []).append(
                Code(row["value"], row["label_zh"], row["label_en"], row["description"]))
    return {key: tuple(found) for key, found in codes.items()}


CODES = read_codes()


def listing(items, last=" or ", sep=", "):
    """'a, b or c'."""
    items = list(items)
    return sep.join(items[:-1]) + last + items[-1] if len(items) > 1 else "".join(items)


def coded(table, name, en, zh, item="{value} ({description})", plain="{value}", last=" or ", required=True,
          extension=False, title_zh="", title_en=""):
    """The string column `name` of `table` (required unless `required` is False) whose values are its codes in
    vocab/codes.csv. In `en`, {values} lists the codes (each as `item`, or `plain` when it has no description);
    in `zh`, {labels} lists their Chinese labels."""
    codes = CODES[(table, name)]
    values = listing([(item if c.description else plain).format(**vars(c)) for c in codes], last)
    labels = listing([c.label_zh for c in codes], "或", "、")
    return Field(name, "string", en.format(values=values), zh.format(labels=labels), required=required,
                 enum=tuple(c.value for c in codes), extension=extension, title_zh=title_zh,
                 title_en=title_en)


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    title_zh: str  # shown first in the table's title on the site ("指标 / Indicators")
    en: str
    zh: str
    fields: tuple
    primary_key: str = "id"
    foreign_keys: tuple = ()  # (column, table, table column)
    label_column: str = ""
    facets: tuple = ()
    indexes: tuple = ()  # columns people facet, filter and join on
    fts: tuple = ()  # columns of the full-text index
    sort: str = ""
    units: dict = dc_field(default_factory=dict)
    # the columns that give the rows' reading order, document first (document_id, then the position in it): the
    # database stores them as one generated column POSITION (database.py), the table pages' default sort
    order: tuple = ()

    @property
    def description(self):
        return f"{self.en} / {self.zh}"

    @property
    def columns(self):
        return [f.name for f in self.fields]

    def field(self, name):
        return next(f for f in self.fields if f.name == name)


ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A database-only generated column of the tables with an `order`: the document id and the zero-padded positions,
# space-separated ('000-72912416dbe8ff8c 0000000392 0000000401'), so one column sorts the rows by document
# and position (Datasette sorts a table by one column); not in the CSV files (see database.position_sql)
POSITION = "position"
POSITION_LABEL = ("文中位置", "Position")
DOC_TYPES = tuple(c.value for c in CODES[("documents", "doc_type")])


def _context_fields(thing, years):
    """region, region_code, year_start, year_end of an indicator or project row: the document's region, so a
    row reads (and filters) by place and year without a join to documents. `years` says where the years
    come from."""
    return (
        Field("region", "string", f"The place of the document the {thing} is in (documents.region)",
              "地区(所属文档的地区)", extension=True, title_zh="地区"),
        Field("region_code", "string", "GB/T 2260 code of that place (documents.region_code)",
              "行政区划代码(所属文档)", extension=True, title_zh="区划代码"),
        Field("year_start", "integer", f"First year the {thing} refers to: {years}", "所指时期的起始年份",
              extension=True, title_zh="起始年份"),
        Field("year_end", "integer", f"Last year the {thing} refers to (year_start for a single year)",
              "所指时期的结束年份(单一年份同起始年份)", extension=True, title_zh="结束年份"),
    )


def _sentence_fields(thing):
    return (
        Field("sentence", "string", f"The full sentence that contains the {thing}, verbatim from the "
              "document's normalized text", f"包含该{'数值' if thing == 'number' else '项目'}的完整句子(规范化文本原文)",
              required=True, title_zh="原句"),
        Field("char_start", "integer", f"Offset of the first character of the {thing} as written, in the "
              "document's normalized text (0-based)", "该内容在规范化全文中的起始字符位置(从0开始)", required=True, title_zh="起始位置"),
        Field("char_end", "integer", f"Offset just past the last character of the {thing} as written, in "
              "the document's normalized text", "该内容在规范化全文中的结束字符位置(不含)", required=True, title_zh="结束位置"),
        Field("sentence_start", "integer", "Offset of the sentence's first character in the document's "
              "normalized text", "句子在规范化全文中的起始字符位置", required=True, extension=True,
              title_zh="句子起始位置"),
        Field("sentence_end", "integer", "Offset just past the sentence's last character in the document's "
              "normalized text", "句子在规范化全文中的结束字符位置(不含)", required=True, extension=True,
              title_zh="句子结束位置"),
    )


DOCUMENTS = Table(
    "documents", "Documents", "文档", "One row per source report", "每份报告一行",
    fields=(
        Field("id", "string", "Stable slug of the document, from its file name", "文档标识(由文件名生成,稳定不变)",
              required=True, unique=True, pattern=ID, title_zh="标识", title_en="Id"),
        Field("title", "string", "Title as the document states it on its own title line (web debris stripped, "
              "letter spacing closed up: 政府工作报告); for a notice that issues a document, that document's title; "
              "empty when the text has no title line", "文档标题(原文标题行,去除网页杂项;印发通知取所印发文件的标题;无标题行为空)", title_zh="标题"),
        coded("documents", "doc_type", "Kind of document: {values}", "文档类型:{labels}", title_zh="文档类型", title_en="Document type"),
        Field("region", "string", "The place whose document it is, by its full official name (六安市, 甘孜藏族自治州; "
              "全国 for the national reports; a functional zone by its name in cn_gov_reports/vocab/regions.csv, or as "
              "written when not listed there)",
              "报告所属地区(官方全称;国家级报告为全国;功能区按 regions.csv 的名称,未列入的按原文)", title_zh="地区"),
        Field("region_code", "string", "GB/T 2260 code of the region (cn_gov_reports/vocab/divisions.csv; 100000 "
              "for the national reports), or a documented local code under its city for functional zones (see "
              "cn_gov_reports/vocab/regions.csv); empty for a functional zone not listed there",
              "行政区划代码(GB/T 2260);功能区使用所在城市下的本地代码,未列入 regions.csv 的功能区为空", title_zh="区划代码"),
        coded("documents", "level", "Level of the region: {values}", "地区层级:{labels}", required=False,
              extension=True),
        Field("issuer", "string", "Body the page or document names as publisher or issuer (发布机构, a notice's "
              "signature, 我代表上海市人民政府, 国务院 for the national reports); else the government whose report it is",
              "发布机构或发文机关(页面信息、落款、“我代表……人民政府”;国家级报告为国务院);未注明时为报告所属政府", title_zh="发布机构"),
        Field("published", "string", "Date the document was issued or published as it states: page metadata "
              "(发文日期, 发布时间, 时间), the date under a notice's signature, the date on the venue line of a report "
              "(——2024年1月29日在……会议上, also in Chinese numerals), or the date under a report's closing signature; "
              "ISO date, or YYYY-MM or YYYY",
              "发文或发布日期(页面信息、落款日期或“——……在……会议上”的日期;ISO格式,可为年月或年)",
              pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", title_zh="发布日期"),
        Field("review_year", "integer", "Year whose work the document reviews (last year of a multi-year "
              "review): from its review heading (2023年工作回顾, 过去一年工作回顾), else from the venue date (a report "
              "delivered in January-June of Y reviews Y-1, one delivered in July-December reviews Y; so does a report "
              "dated under its closing signature), else its title (关于2019年……情况的报告 reviews 2019)",
              "回顾年份(多年回顾取最后一年;取自回顾部分标题,否则按报告日期:上半年作的报告回顾上一年,下半年作的回顾当年)"),
        Field("plan_year", "integer", "First year the document plans for (a work report reviewing year Y plans "
              "for Y+1)", "计划(规划)的第一年(回顾Y年的工作报告计划Y+1年)", title_zh="计划年份"),
        Field("plan_end_year", "integer", "Last year the document plans for, for a multi-year plan",
              "多年规划的最后一年", extension=True, title_zh="规划末年"),
        Field("doc_number", "string", "Document number (文号) as written: 皖政办秘〔2021〕82号 (or with [ ] or ( )), "
              "国务院令第708号", "文号(原文)", title_zh="文号", title_en="Document number"),
        Field("index_number", "string", "Government information index number (索引号)", "索引号", title_zh="索引号"),
        Field("source_file", "string", "File name inside the seeds directory", "源文件名", required=True,
              unique=True),
        Field("source_sha256", "string", "SHA-256 of the source file's bytes", "源文件的SHA-256校验值",
              required=True, pattern=r"^[0-9a-f]{64}$", title_zh="源文件校验值", title_en="Source SHA-256"),
        Field("source_url", "string", "Where the report was retrieved from, from the catalog", "原始网址(来自目录文件)",
              title_zh="原始网址", title_en="Source URL"),
        Field("source_note", "string", "The catalog's note on where the file comes from and how it was saved "
              "(catalog.jsonl `note`): the provenance shown when there is no source_url",
              "目录文件对来源及保存方式的说明(无原始网址时展示)", extension=True, title_zh="来源说明"),
        Field("retrieved", "string", "Date the file was retrieved, as the catalog gives it", "获取日期(来自目录文件)",
              extension=True, title_zh="获取日期"),
        Field("source_encoding", "string", "Character encoding the source file was decoded from",
              "源文件字符编码", extension=True),
        Field("characters", "integer", "Length of the document's normalized text in characters",
              "规范化全文字符数", required=True, title_zh="字符数"),
        Field("sections", "integer", "Number of sections (including the root)", "章节数(含根节点)", extension=True, title_zh="章节数"),
        Field("indicators", "integer", "Number of indicator rows", "指标行数", extension=True, title_zh="指标数"),
        Field("projects", "integer", "Number of project rows", "项目行数", extension=True, title_zh="项目数"),
    ),
    label_column="title",
    facets=("doc_type", "region"),
    indexes=("doc_type", "region", "review_year", "plan_year"),
    sort="id",
)

SECTIONS = Table(
    "sections", "Sections", "章节", "One row per heading, in document order, plus one root row per document "
    "for the text before the first heading", "每个标题一行(按文档顺序),另有每份文档一行根节点(首个标题之前的文字)",
    fields=(
        Field("id", "string", "Stable id of the section", "章节标识", required=True, unique=True, pattern=ID, title_zh="标识", title_en="Id"),
        Field("document_id", "string", "The document", "所属文档", required=True, title_zh="文档", title_en="Document"),
        Field("parent_id", "string", "The enclosing section (empty for a root row)", "上级章节(根节点为空)", title_zh="上级章节", title_en="Parent"),
        Field("level", "integer", "0 root; 1 一、 or an unnumbered structural heading; 2 (一); 3 1.; 4 (1); "
              "one deeper (一、 2 ... (1) 5) in a report whose unnumbered part headings enclose the numbered ones",
              "层级:0根节点;1为“一、”或无编号结构标题;2为“(一)”;3为“1.”;4为“(1)”;"
              "无编号部分标题(如“2024年工作安排”)下的编号标题各降一级(“一、”为2……“(1)”为5)", required=True),
        Field("label", "string", "Numbering as written, e.g. 一、 (一) 1. (1); empty when unnumbered",
              "编号(原文),无编号为空"),
        Field("heading", "string", "Heading text without its number (a run-in heading ends at the first 。)",
              "标题文字(不含编号;行内标题截至第一个句号)", title_zh="标题"),
        Field("text", "string", "Body text directly under the heading, up to the next heading, verbatim",
              "标题下至下一个标题之前的正文(原文)", title_zh="正文"),
        Field("ordinal", "integer", "Position of the section in its document (root = 0)", "在文档中的顺序(根节点为0)",
              required=True, title_zh="顺序"),
        Field("path", "string", "Numbering of the section and its ancestors, e.g. 二、/(三)/1.",
              "章节路径(本节及上级编号)"),
        Field("char_start", "integer", "Offset where the section (heading included) starts in the document's "
              "normalized text", "章节(含标题)在规范化全文中的起始位置", required=True, title_zh="起始位置"),
        Field("char_end", "integer", "Offset just past the section's last character; text is the slice that "
              "ends here", "章节在规范化全文中的结束位置(不含);text即截至此处的原文", required=True, title_zh="结束位置"),
    ),
    foreign_keys=(("document_id", "documents", "id"), ("parent_id", "sections", "id")),
    label_column="heading",
    facets=("document_id", "level"),
    indexes=("document_id", "parent_id", "level"),
    fts=("heading", "text"),
    sort=POSITION,
    order=("document_id", "ordinal"),
)

INDICATORS = Table(
    "indicators", "Indicators", "指标", "One row per number that measures something", "每个度量数值一行",
    fields=(
        Field("id", "string", "Stable id of the indicator row", "指标标识", required=True, unique=True, pattern=ID, title_zh="标识", title_en="Id"),
        Field("document_id", "string", "The document", "所属文档", required=True, title_zh="文档", title_en="Document"),
        Field("section_id", "string", "The section whose text holds the number", "所属章节", required=True, title_zh="章节", title_en="Section"),
        Field("subject", "string", "Shortest phrase saying what is measured", "度量对象(最短完整短语)", required=True, title_zh="对象"),
        Field("indicator", "string", "Normalized indicator name from the vocabulary (table indicator_names); "
              "empty outside it", "规范化指标名(见指标词表),词表外为空", title_zh="指标"),
        Field("value", "number", "The number as written (万, 亿 and the like stay in unit)", "数值(原文)",
              required=True),
        Field("unit", "string", "Unit as written (亿元, %, 家, 万人次); empty for a bare number or rank",
              "单位(原文)"),
        Field("value_base", "number", "Value scaled to the base unit (279亿元 -> 27900000000)", "换算为基本单位后的数值", title_zh="基本单位数值", title_en="Value in base unit"),
        Field("unit_base", "string", "Base unit (元, 人, %, ...)", "基本单位"),
        coded("indicators", "measure", "{values}", "度量类型"),
        coded("indicators", "status", "{values}", "状态:{labels}"),
        coded("indicators", "comparator", "{values}", "比较关系", item="{value} {description}", plain="{value} ",
              last=", "),
        Field("period", "string", "Year or range the number refers to (2018, 2021-2025); empty if unknown",
              "所指年份或时期", pattern=r"^\d{4}(-\d{4})?$", title_zh="时期"),
    ) + _sentence_fields("number") + (
        Field("main_target", "boolean", "True when the number is one of the plan year's main expected targets "
              "(主要预期目标), the list the main_targets table reads", "是否为计划年度主要预期目标之一(见main_targets表)",
              required=True, extension=True, title_zh="主要预期目标"),
    ) + _context_fields(
        "number", "the first year of its period (2021 for 2021-2025); empty when the period is unknown"),
    foreign_keys=(("document_id", "documents", "id"), ("section_id", "sections", "id"),
                  ("indicator", "indicator_names", "id")),
    label_column="subject",
    facets=("region", "year_start", "document_id", "status", "measure", "indicator", "unit"),
    indexes=("document_id", "section_id", "indicator", "status", "measure", "unit", "period", "region",
             "year_start"),
    fts=("subject", "sentence"),
    sort=POSITION,
    order=("document_id", "sentence_start", "char_start"),
)

PROJECTS = Table(
    "projects", "Projects", "项目", "One row per mention of a named project", "每次提及具名项目一行",
    fields=(
        Field("id", "string", "Stable id of the project mention", "项目标识", required=True, unique=True,
              pattern=ID, title_zh="标识", title_en="Id"),
        Field("document_id", "string", "The document", "所属文档", required=True, title_zh="文档", title_en="Document"),
        Field("section_id", "string", "The section whose text mentions the project", "所属章节", required=True,
              title_zh="章节", title_en="Section"),
        Field("name", "string", "Project name as written, cleaned of list punctuation", "项目名称", required=True,
              title_zh="名称"),
        Field("project_key", "string", "The name normalized so that every mention of one project, in any report, has "
              "the same key (full-width/half-width, case, quotes, brackets, 项目 and phase spelling removed; "
              "different phases stay different)", "项目归一名称(同一项目在各报告中相同)", extension=True,
              title_zh="项目归一名称"),
        coded("projects", "stage", "Milestone the text names: {values}", "阶段:{labels}"),
        coded("projects", "status", "{values}", "状态:{labels}"),
        Field("investment", "number", "Investment the text states for the project, in 元", "文中所述投资额(元)",
              title_zh="投资额(元)", title_en="Investment (yuan)"),
        Field("investment_text", "string", "Investment as written (e.g. 50亿元)", "投资额(原文)", extension=True,
              title_zh="投资额(原文)", title_en="Investment as written"),
    ) + _sentence_fields("project name") + _context_fields(
        "project", "the year the document reviews (documents.review_year) for a milestone reached, the years "
        "it plans for (plan_year to plan_end_year) for one aimed for; empty when the document does not say"),
    foreign_keys=(("document_id", "documents", "id"), ("section_id", "sections", "id")),
    label_column="name",
    facets=("region", "year_start", "document_id", "stage", "status"),
    indexes=("document_id", "section_id", "stage", "status", "region", "year_start", "project_key"),
    fts=("name", "sentence"),
    sort=POSITION,
    order=("document_id", "sentence_start", "char_start"),
)

INDICATOR_NAMES = Table(
    "indicator_names", "Indicator vocabulary", "指标词表", "Normalized indicator names the indicators table uses, "
    "with the phrasings that map to each", "指标规范名词表及其对应的原文说法",
    fields=(
        Field("id", "string", "Normalized name (gdp, fixed_asset_investment, ...)", "规范化指标名", required=True,
              unique=True, pattern=r"^[a-z0-9_]+$", title_zh="规范名", title_en="Id"),
        Field("label_zh", "string", "Chinese label", "中文名称", required=True, title_zh="中文名称", title_en="Chinese label"),
        Field("label_en", "string", "English label", "英文名称", required=True, title_zh="英文名称", title_en="English label"),
        Field("description", "string", "What the indicator measures", "指标含义", required=True),
        Field("aliases", "string", "Phrasings in the reports that map to this name, separated by |",
              "报告中对应的说法(以|分隔)", required=True, title_zh="原文说法"),
    ),
    label_column="label_zh",
    sort="id",
)

MAIN_TARGETS = Table(
    "main_targets", "Main targets", "主要预期目标", "One row per report that plans a year and headline indicator: the "
    "plan year's main expected targets (主要预期目标) as economists hand-code them; GDP growth is always there "
    "for a work report that plans a year (kind absent when it sets no number)",
    "每份计划某一年的报告、每个核心指标一行:计划年度的主要预期目标;政府工作报告总有一行地区生产总值增速(未定数字目标时为absent)",
    fields=(
        Field("id", "string", "Stable id: the document id, t, and the indicator", "标识(文档标识-t-指标名)",
              required=True, unique=True, pattern=ID, extension=True, title_zh="标识", title_en="Id"),
        Field("document_id", "string", "The report that sets the target", "设定目标的报告", required=True,
              extension=True, title_zh="文档", title_en="Document"),
        Field("region", "string", "The place whose target it is (the document's region)", "地区(文档的地区)",
              extension=True),
        Field("region_code", "string", "GB/T 2260 code of the region, from the documents table", "行政区划代码",
              extension=True),
        Field("year", "integer", "The plan year the target is for", "目标所属的计划年度", required=True,
              extension=True, title_zh="年度"),
        Field("indicator", "string", "Normalized indicator name (table indicator_names)", "规范化指标名",
              required=True, extension=True, title_zh="指标"),
        coded("main_targets", "kind", "{values}", "目标类型:{labels}", extension=True),
        coded("main_targets", "comparator", "Comparator, as in indicators, or a range: {values}", "比较关系:{labels}",
              item="{value} {description}", plain="{value} ", last=", ", required=False, extension=True),
        Field("value", "number", "The target as written (the low end of a range; the margin of a relative "
              "target)", "目标值(区间取下限;相对目标为差值)", extension=True),
        Field("value_high", "number", "The upper end of a range target (5.5%至6% -> 6)", "区间目标的上限",
              extension=True),
        Field("unit", "string", "Unit as written (%, 个百分点, 万人)", "单位(原文)", extension=True),
        Field("relative_to", "string", "What a relative target is measured against (全省, 全国, 全市)",
              "相对目标的参照(全省、全国等)", extension=True),
        Field("indicator_id", "string", "The indicators row that states the target (the low end of a range); "
              "empty when absent", "陈述该目标的指标行(区间取下限行);无数字目标时为空", extension=True, title_zh="指标行", title_en="Indicator row"),
        Field("sentence", "string", "The sentence that states the target, verbatim; empty when absent",
              "陈述该目标的句子(原文);无数字目标时为空", extension=True),
        Field("note", "string", "What else the sentence says about the target (力争更好, what an absent target "
              "says instead)", "附注(如“力争更好”,或无数字目标时的原文表述)", extension=True),
    ),
    foreign_keys=(("document_id", "documents", "id"), ("indicator", "indicator_names", "id"),
                  ("indicator_id", "indicators", "id")),
    label_column="indicator",
    facets=("indicator", "kind", "year", "region"),
    indexes=("document_id", "indicator", "year", "region_code"),
    sort="id",
)

TARGET_OUTCOMES = Table(
    "target_outcomes", "Targets against outcomes", "目标与实际", "One row per region, headline indicator and year for which "
    "one report sets a main target and a later report states the outcome: the target, the outcome and "
    "whether the target was met", "每个地区、核心指标和年度一行:某份报告设定的主要目标与之后报告所述的实际完成情况,以及是否完成",
    fields=(
        Field("id", "string", "Stable id from the region code (or the region's name), indicator and year",
              "标识(由地区代码、指标和年度生成)", required=True, unique=True, pattern=ID, extension=True, title_zh="标识", title_en="Id"),
        Field("region_code", "string", "GB/T 2260 code of the region", "行政区划代码", extension=True, title_zh="区划代码"),
        Field("region", "string", "The place", "地区", extension=True),
        Field("indicator", "string", "Normalized indicator name", "规范化指标名", required=True, extension=True, title_zh="指标"),
        Field("year", "integer", "The year targeted and reviewed", "目标与实际所属年度", required=True,
              extension=True, title_zh="年度"),
        Field("target_value", "number", "The target (the low end of a range)", "目标值(区间取下限)",
              extension=True),
        Field("target_value_high", "number", "The upper end of a range target", "区间目标上限", extension=True),
        coded("target_outcomes", "target_comparator", "The target's comparator: {values}", "目标的比较关系:{labels}",
              item="{value} {description}", plain="{value} ", last=", ", required=False, extension=True),
        Field("target_relative_to", "string", "For a relative target (高于全省0.5个百分点), what it is relative "
              "to; target_value is then the margin, and met is empty", "相对目标的参照(此时目标值为差值,是否完成为空)",
              extension=True),
        Field("target_indicator_id", "string", "The indicators row that states the target", "陈述目标的指标行",
              required=True, extension=True, title_zh="目标指标行", title_en="Target row"),
        Field("actual_value", "number", "The outcome a later report states for the year", "之后报告所述的实际值",
              required=True, extension=True, title_zh="实际值"),
        coded("target_outcomes", "actual_status", "{values}", "实际或预计", extension=True, title_zh="实际或预计"),
        Field("actual_indicator_id", "string", "The indicators row that states the outcome", "陈述实际值的指标行",
              required=True, extension=True, title_zh="实际指标行", title_en="Outcome row"),
        Field("met", "boolean", "Whether the outcome meets the target (see README, Targets against outcomes); "
              "empty when undecidable (a relative target, units or measures that differ)",
              "是否完成目标(规则见README);无法判断时为空", extension=True),
    ),
    foreign_keys=(("indicator", "indicator_names", "id"), ("target_indicator_id", "indicators", "id"),
                  ("actual_indicator_id", "indicators", "id")),
    label_column="indicator",
    facets=("indicator", "region", "met", "year"),
    indexes=("indicator", "region_code", "year"),
    sort="id",
)

TEXTS = Table(
    "texts", "Full texts", "全文", "Each document's whole normalized text, the text every char_start and char_end "
    "offset of the other tables points into, in parts of at most 20,000 characters (cn_gov_reports/texts.py)",
    "每份文档的规范化全文(其他各表的字符位置均指向此文本),按不超过两万字分段",
    fields=(
        Field("id", "string", "Stable id: the document id, text, and the part's number in five digits "
              "(-text-00000)", "标识(文档标识-text-五位序号)",
              required=True, unique=True, pattern=ID, extension=True, title_zh="标识", title_en="Id"),
        Field("document_id", "string", "The document", "所属文档", required=True, extension=True, title_zh="文档",
              title_en="Document"),
        Field("part", "integer", "Position of the part in its document (0-based)", "分段序号(从0开始)",
              required=True, extension=True),
        Field("char_start", "integer", "Offset of the part's first character in the document's normalized text",
              "分段在规范化全文中的起始位置", required=True, extension=True, title_zh="起始位置"),
        Field("char_end", "integer", "Offset just past the part's last character; text is the slice that ends "
              "here", "分段在规范化全文中的结束位置(不含)", required=True, extension=True, title_zh="结束位置"),
        Field("text", "string", "The part of the normalized text (the source file decoded, normalized and "
              "cleaned of web-page chrome); the parts of a document, in order, are its whole text",
              "该段规范化文本(各段依次相连即为全文)", extension=True, title_zh="正文"),
    ),
    foreign_keys=(("document_id", "documents", "id"),),
    indexes=("document_id",),
    sort="id",
)

TABLES = (DOCUMENTS, SECTIONS, INDICATORS, PROJECTS, INDICATOR_NAMES, MAIN_TARGETS, TARGET_OUTCOMES, TEXTS)
# rows that point at the words of a sentence (char_start/char_end): row pages highlight them and cite the row
MENTIONS = tuple(t for t in TABLES if {"sentence", "char_start"} <= set(t.columns))
BY_NAME = {t.name: t for t in TABLES}
