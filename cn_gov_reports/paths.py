"""Where things are, defined once: the package's own files and the dataset repository it builds.

The package's files (vocabularies, rules, the dataset description, the web plugins, templates and static
files) travel with it, installed or not. The dataset repository (seeds/, data/, metadata.yml, CITATION.cff)
is the checkout the package runs from when it runs from one, else the current directory.
"""
import os

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
VOCAB_DIR = os.path.join(PACKAGE_DIR, "vocab")
RULES_DIR = os.path.join(PACKAGE_DIR, "rules")
DATASET_YML = os.path.join(PACKAGE_DIR, "dataset.yml")
WEB_DIR = os.path.join(PACKAGE_DIR, "web")
PLUGINS_DIR = os.path.join(WEB_DIR, "plugins")
TEMPLATES_DIR = os.path.join(WEB_DIR, "templates")
STATIC_DIR = os.path.join(WEB_DIR, "static")


def is_checkout(directory):
    """Whether directory is a checkout of this project (its pyproject.toml beside seeds/)."""
    return os.path.isdir(os.path.join(directory, "seeds")) and os.path.isfile(os.path.join(directory, "pyproject.toml"))


def _repository_root():
    """The checkout the package runs from (the source tree, or an editable install of it), else the current
    directory (an installed package building the reports of wherever it is run)."""
    checkout = os.path.dirname(PACKAGE_DIR)
    return checkout if is_checkout(checkout) else os.path.abspath(os.getcwd())


ROOT = _repository_root()
SEEDS_DIR = os.path.join(ROOT, "seeds")
METADATA_PATH = os.path.join(ROOT, "metadata.yml")


def vocab(name):
    """Path of a vocabulary file, e.g. vocab("indicators.csv")."""
    return os.path.join(VOCAB_DIR, name)
