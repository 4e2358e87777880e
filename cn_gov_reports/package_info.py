"""The database's own record of which release it holds: table package_info and PRAGMA user_version.

package_info (key, value) is written from the datapackage.json descriptor the database was loaded
from, so every database, current or an old release, says its version and how to cite it. It lives
only in the database (it is not a resource of the package): the package carries the same facts in
datapackage.json already. user_version is MAJOR * 1000000 + MINOR * 1000 + PATCH, for tools that read
only SQLite's header.
"""
import json

from . import versioning

TABLE = "package_info"
TEXT_KEYS = ("name", "title", "version", "created", "description")
JSON_KEYS = ("licenses", "contributors", "keywords")
TITLE = "Package information / 数据包信息"
DESCRIPTION = ("The release this database holds: version, release date, licenses, authors and the "
               "SHA-256 of each CSV file (not a resource of the data package; from datapackage.json) / "
               "本数据库对应的版本、发布日期、许可、作者及各CSV文件的校验值")


def rows(descriptor):
    """[(key, value)] for the descriptor: package metadata, then hash:<resource> per CSV file."""
    out = [(k, descriptor.get(k, "")) for k in TEXT_KEYS]
    out += [(k, json.dumps(descriptor.get(k, []), ensure_ascii=False)) for k in JSON_KEYS]
    out.append(("database_name", versioning.database_name(descriptor["version"])))
    out += [(f"hash:{r['name']}", r["hash"]) for r in descriptor["resources"]]
    return out


def user_version(version):
    major, minor, patch = versioning.parse(version)
    return major * 1_000_000 + minor * 1000 + patch


def write(conn, descriptor):
    """Create and fill package_info in the open sqlite3 connection; set user_version."""
    conn.execute(f"CREATE TABLE [{TABLE}] ([key] TEXT PRIMARY KEY, [value] TEXT NOT NULL)")
    conn.executemany(f"INSERT INTO [{TABLE}] VALUES (?, ?)", rows(descriptor))
    conn.execute(f"PRAGMA user_version = {user_version(descriptor['version'])}")


def read(conn):
    """The package metadata recorded in a database (a dict like dataset.yml), or None if it has none."""
    try:
        pairs = dict(conn.execute(f"SELECT key, value FROM [{TABLE}]").fetchall())
    except Exception:  # not one of our databases
        return None
    meta = {k: pairs.get(k, "") for k in TEXT_KEYS + ("database_name",)}
    meta.update({k: json.loads(pairs.get(k) or "[]") for k in JSON_KEYS})
    meta["hashes"] = {k[5:]: v for k, v in pairs.items() if k.startswith("hash:")}
    return meta
