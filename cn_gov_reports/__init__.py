"""cn_gov_reports: read Chinese government reports into validated, searchable, citable tables.

One module per stage, data flowing one way: read -> normalize -> chrome -> sections -> documents ->
indicators, projects -> package -> database -> serve. paths.py says where everything is; fields.py
defines every table and column; rules/ and vocab/ hold the phrase lists and vocabularies as data.
"""
