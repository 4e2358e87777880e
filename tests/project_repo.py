"""A throwaway git repository holding a copy of this project, for release and versions tests."""
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_NOSYSTEM": "1"}


def project_files():
    """Files of the project as a fresh clone would have them, plus uncommitted ones not ignored."""
    out = subprocess.run(["git", "-C", ROOT, "ls-files", "-co", "--exclude-standard", "-z"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    return [p for p in out.split("\0") if p and os.path.isfile(os.path.join(ROOT, p))]


def git(repo, *args):
    env = {**os.environ, **GIT_ENV, "HOME": str(repo)}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
                          env=env).stdout


def make_repo(dest):
    """Copy the project into dest, git init and commit it; return dest. The copy has none of the project's
    history, so it starts with no release record (releases.json): a project that has never released."""
    for path in project_files():
        if path == "releases.json":
            continue
        target = os.path.join(dest, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, path), target)
    git(dest, "init", "--quiet", "--initial-branch=main")
    commit_all(dest, "copy of the project")
    return dest


def commit_all(repo, message):
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", message)


def repo_env(repo):
    """The environment of a command run inside the copy: its own git identity, and its own package first on
    the import path (as in a checkout whose virtual environment installed it), never the original's."""
    return {**os.environ, **GIT_ENV, "HOME": str(repo), "PYTHONPATH": str(repo)}


def run(repo, script, *args):
    """`python scripts/<script> args` in repo, as a user runs it."""
    env = repo_env(repo)
    return subprocess.run([sys.executable, os.path.join(str(repo), "scripts", script), *args], cwd=str(repo),
                          capture_output=True, text=True, env=env)


def rebuild(repo):
    result = run(repo, "build.py")
    assert result.returncode == 0, result.stderr


def edited_text(text, addition=",并进一步加强"):
    """The report text with `addition` appended to its first long body sentence (a body-text edit)."""
    sentence = next(s for s in text.split("。") if len(s) > 30 and "\n" not in s.strip())
    return text.replace(sentence, sentence + addition, 1)
