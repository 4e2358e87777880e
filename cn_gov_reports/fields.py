"""Every table and column of the package, defined once.

The CSV column order, the Frictionless Table Schema, the SQLite column types and keys, and the
Datasette column descriptions in metadata.yml are all generated from the definitions below.
SPEC.md (the data contract) is the source of the meanings; columns marked ``extension`` are ours.
"""
from dataclasses import dataclass, field as dc_field


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string | integer | number
    en: str  # English description
    zh: str  # Chinese description
    required: bool = False
    enum: tuple = ()
    pattern: str = ""
    unique: bool = False
    extension: bool = False  # a column SPEC.md does not define

    @property
    def description(self):
        return f"{self.en} / {self.zh}"


@dataclass(frozen=True)
class Table:
    name: str
    title: str
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

    @property
    def description(self):
        return f"{self.en} / {self.zh}"

    @property
    def columns(self):
        return [f.name for f in self.fields]

    def field(self, name):
        return next(f for f in self.fields if f.name == name)


ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DOC_TYPES = ("government_work_report", "development_plan_report", "five_year_plan",
             "implementation_plan", "other")
MEASURES = ("level", "growth", "decline", "share", "count", "rank", "other")
STATUSES = ("actual", "estimate", "target")
COMPARATORS = ("=", ">", ">=", "<", "<=", "~")
STAGES = ("planned", "signed", "started", "under_construction", "completed", "operating", "other")
PROJECT_STATUSES = ("actual", "target")
LEVELS = ("national", "province", "city", "district", "county", "zone")


def _sentence_fields(thing):
    return (
        Field("sentence", "string", f"The full sentence that contains the {thing}, verbatim from the "
              "document's normalized text", f"包含该{'数值' if thing == 'number' else '项目'}的完整句子(规范化文本原文)",
              required=True),
        Field("char_start", "integer", f"Offset of the first character of the {thing} as written, in the "
              "document's normalized text (0-based)", "该内容在规范化全文中的起始字符位置(从0开始)", required=True),
        Field("char_end", "integer", f"Offset just past the last character of the {thing} as written, in "
              "the document's normalized text", "该内容在规范化全文中的结束字符位置(不含)", required=True),
        Field("sentence_start", "integer", "Offset of the sentence's first character in the document's "
              "normalized text", "句子在规范化全文中的起始字符位置", required=True, extension=True),
        Field("sentence_end", "integer", "Offset just past the sentence's last character in the document's "
              "normalized text", "句子在规范化全文中的结束字符位置(不含)", required=True, extension=True),
    )


DOCUMENTS = Table(
    "documents", "Documents", "One row per source report", "每份报告一行",
    fields=(
        Field("id", "string", "Stable slug of the document, from its file name", "文档标识(由文件名生成,稳定不变)",
              required=True, unique=True, pattern=ID),
        Field("title", "string", "Title as the document states it", "文档标题(原文)"),
        Field("doc_type", "string", "Kind of document: government_work_report, development_plan_report "
              "(国民经济和社会发展计划执行情况与计划草案的报告), five_year_plan, implementation_plan or other",
              "文档类型:政府工作报告、计划执行情况报告、五年规划、实施方案或其他", required=True, enum=DOC_TYPES),
        Field("region", "string", "The place whose document it is, by its full official name (六安市, 甘孜藏族自治州; "
              "全国 for the national reports; a functional zone by its name in cn_gov_reports/vocab/regions.csv)",
              "报告所属地区(官方全称;国家级报告为全国;功能区按 regions.csv 的名称)"),
        Field("region_code", "string", "GB/T 2260 code of the region (cn_gov_reports/vocab/divisions.csv; 100000 "
              "for the national reports), or a documented local code under its city for functional zones (see "
              "cn_gov_reports/vocab/regions.csv)",
              "行政区划代码(GB/T 2260);功能区使用所在城市下的本地代码"),
        Field("level", "string", "Level of the region: national (the State Council's reports, region 全国, code 100000), "
              "province (provinces, autonomous regions, municipalities), city (prefecture-level: 地级市, 自治州, 地区, 盟), "
              "district (市辖区), county (县, 县级市, 自治县, 旗 and other county-level divisions) or zone (functional "
              "zones with a local code)",
              "地区层级:全国(国务院报告)、省级、地级(地级市、自治州、地区、盟)、市辖区、县级(县、县级市、自治县、旗等)或功能区",
              enum=LEVELS, extension=True),
        Field("issuer", "string", "Body the page or document names as publisher or issuer; else the "
              "government whose report it is", "发布机构或发文机关;未注明时为报告所属政府"),
        Field("published", "string", "Date the document was issued or published as it states (ISO date, "
              "or YYYY-MM or YYYY)", "发文或发布日期(ISO格式,可为年月或年)",
              pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
        Field("review_year", "integer", "Year whose work the document reviews (last year of a multi-year "
              "review)", "回顾年份(多年回顾取最后一年)"),
        Field("plan_year", "integer", "First year the document plans for", "计划(规划)的第一年"),
        Field("plan_end_year", "integer", "Last year the document plans for, for a multi-year plan",
              "多年规划的最后一年", extension=True),
        Field("doc_number", "string", "Document number (文号) as written", "文号"),
        Field("index_number", "string", "Government information index number (索引号)", "索引号"),
        Field("source_file", "string", "File name inside the seeds directory", "源文件名", required=True,
              unique=True),
        Field("source_sha256", "string", "SHA-256 of the source file's bytes", "源文件的SHA-256校验值",
              required=True, pattern=r"^[0-9a-f]{64}$"),
        Field("source_url", "string", "Where the report was retrieved from, from the catalog", "原始网址(来自目录文件)"),
        Field("source_encoding", "string", "Character encoding the source file was decoded from",
              "源文件字符编码", extension=True),
        Field("characters", "integer", "Length of the document's normalized text in characters",
              "规范化全文字符数", required=True),
        Field("sections", "integer", "Number of sections (including the root)", "章节数(含根节点)", extension=True),
        Field("indicators", "integer", "Number of indicator rows", "指标行数", extension=True),
        Field("projects", "integer", "Number of project rows", "项目行数", extension=True),
    ),
    label_column="title",
    facets=("doc_type", "region"),
    indexes=("doc_type", "region", "review_year", "plan_year"),
    sort="id",
)

SECTIONS = Table(
    "sections", "Sections", "One row per heading, in document order, plus one root row per document "
    "for the text before the first heading", "每个标题一行(按文档顺序),另有每份文档一行根节点(首个标题之前的文字)",
    fields=(
        Field("id", "string", "Stable id of the section", "章节标识", required=True, unique=True, pattern=ID),
        Field("document_id", "string", "The document", "所属文档", required=True),
        Field("parent_id", "string", "The enclosing section (empty for a root row)", "上级章节(根节点为空)"),
        Field("level", "integer", "0 root; 1 一、 or an unnumbered structural heading; 2 (一); 3 1.; 4 (1); "
              "one deeper (一、 2 ... (1) 5) in a report whose unnumbered part headings enclose the numbered ones",
              "层级:0根节点;1为“一、”或无编号结构标题;2为“(一)”;3为“1.”;4为“(1)”;"
              "无编号部分标题(如“2024年工作安排”)下的编号标题各降一级(“一、”为2……“(1)”为5)", required=True),
        Field("label", "string", "Numbering as written, e.g. 一、 (一) 1. (1); empty when unnumbered",
              "编号(原文),无编号为空"),
        Field("heading", "string", "Heading text without its number (a run-in heading ends at the first 。)",
              "标题文字(不含编号;行内标题截至第一个句号)"),
        Field("text", "string", "Body text directly under the heading, up to the next heading, verbatim",
              "标题下至下一个标题之前的正文(原文)"),
        Field("ordinal", "integer", "Position of the section in its document (root = 0)", "在文档中的顺序(根节点为0)",
              required=True),
        Field("path", "string", "Numbering of the section and its ancestors, e.g. 二、/(三)/1.",
              "章节路径(本节及上级编号)"),
        Field("char_start", "integer", "Offset where the section (heading included) starts in the document's "
              "normalized text", "章节(含标题)在规范化全文中的起始位置", required=True),
        Field("char_end", "integer", "Offset just past the section's last character; text is the slice that "
              "ends here", "章节在规范化全文中的结束位置(不含);text即截至此处的原文", required=True),
    ),
    foreign_keys=(("document_id", "documents", "id"), ("parent_id", "sections", "id")),
    label_column="heading",
    facets=("document_id", "level"),
    indexes=("document_id", "parent_id", "level"),
    fts=("heading", "text"),
    sort="ordinal",
)

INDICATORS = Table(
    "indicators", "Indicators", "One row per number that measures something", "每个度量数值一行",
    fields=(
        Field("id", "string", "Stable id of the indicator row", "指标标识", required=True, unique=True, pattern=ID),
        Field("document_id", "string", "The document", "所属文档", required=True),
        Field("section_id", "string", "The section whose text holds the number", "所属章节", required=True),
        Field("subject", "string", "Shortest phrase saying what is measured", "度量对象(最短完整短语)", required=True),
        Field("indicator", "string", "Normalized indicator name from the vocabulary (table indicator_names); "
              "empty outside it", "规范化指标名(见指标词表),词表外为空"),
        Field("value", "number", "The number as written (万, 亿 and the like stay in unit)", "数值(原文)",
              required=True),
        Field("unit", "string", "Unit as written (亿元, %, 家, 万人次); empty for a bare number or rank",
              "单位(原文)"),
        Field("value_base", "number", "Value scaled to the base unit (279亿元 -> 27900000000)", "换算为基本单位后的数值"),
        Field("unit_base", "string", "Base unit (元, 人, %, ...)", "基本单位"),
        Field("measure", "string", "level, growth, decline, share, count, rank or other", "度量类型", required=True,
              enum=MEASURES),
        Field("status", "string", "actual, estimate (预计) or target (目标, 力争, plans)", "状态:实际、预计或目标",
              required=True, enum=STATUSES),
        Field("comparator", "string", "= exact, > over (超过, 突破), >= at least (以上), < , <= at most (以内), "
              "~ about (左右, 约, 近)", "比较关系", required=True, enum=COMPARATORS),
        Field("period", "string", "Year or range the number refers to (2018, 2021-2025); empty if unknown",
              "所指年份或时期", pattern=r"^\d{4}(-\d{4})?$"),
    ) + _sentence_fields("number"),
    foreign_keys=(("document_id", "documents", "id"), ("section_id", "sections", "id"),
                  ("indicator", "indicator_names", "id")),
    label_column="subject",
    facets=("document_id", "status", "measure", "indicator", "unit"),
    indexes=("document_id", "section_id", "indicator", "status", "measure", "unit", "period"),
    fts=("subject", "sentence"),
    sort="sentence_start",
)

PROJECTS = Table(
    "projects", "Projects", "One row per mention of a named project", "每次提及具名项目一行",
    fields=(
        Field("id", "string", "Stable id of the project mention", "项目标识", required=True, unique=True,
              pattern=ID),
        Field("document_id", "string", "The document", "所属文档", required=True),
        Field("section_id", "string", "The section whose text mentions the project", "所属章节", required=True),
        Field("name", "string", "Project name as written, cleaned of list punctuation", "项目名称", required=True),
        Field("stage", "string", "Milestone the text names: planned, signed, started, under_construction, "
              "completed, operating or other", "阶段:谋划、签约、开工、在建、建成、投产或其他", required=True,
              enum=STAGES),
        Field("status", "string", "actual (milestone reached) or target (aimed for)", "状态:实际或目标",
              required=True, enum=PROJECT_STATUSES),
        Field("investment", "number", "Investment the text states for the project, in 元", "文中所述投资额(元)"),
        Field("investment_text", "string", "Investment as written (e.g. 50亿元)", "投资额(原文)", extension=True),
    ) + _sentence_fields("project name"),
    foreign_keys=(("document_id", "documents", "id"), ("section_id", "sections", "id")),
    label_column="name",
    facets=("document_id", "stage", "status"),
    indexes=("document_id", "section_id", "stage", "status"),
    fts=("name", "sentence"),
    sort="sentence_start",
)

INDICATOR_NAMES = Table(
    "indicator_names", "Indicator vocabulary", "Normalized indicator names the indicators table uses, "
    "with the phrasings that map to each", "指标规范名词表及其对应的原文说法",
    fields=(
        Field("id", "string", "Normalized name (gdp, fixed_asset_investment, ...)", "规范化指标名", required=True,
              unique=True, pattern=r"^[a-z0-9_]+$"),
        Field("label_zh", "string", "Chinese label", "中文名称", required=True),
        Field("label_en", "string", "English label", "英文名称", required=True),
        Field("description", "string", "What the indicator measures", "指标含义", required=True),
        Field("aliases", "string", "Phrasings in the reports that map to this name, separated by |",
              "报告中对应的说法(以|分隔)", required=True),
    ),
    label_column="label_zh",
    sort="id",
)

TABLES = (DOCUMENTS, SECTIONS, INDICATORS, PROJECTS, INDICATOR_NAMES)
BY_NAME = {t.name: t for t in TABLES}
