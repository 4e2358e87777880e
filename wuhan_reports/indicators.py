"""Indicators: every number that measures something (SPEC.md). Placeholder until extraction lands."""


def extract_indicators(text, sections, document):
    return []
