"""Projects: every mention of a named project (SPEC.md). Placeholder until extraction lands."""


def extract_projects(text, sections, document):
    return []
