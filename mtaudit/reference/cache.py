"""The disk cache of reference mode: one SQLite file under
`platformdirs.user_cache_dir("mtaudit")` (or `$MTAUDIT_CACHE_DIR`) with sentence vectors
keyed by (model id, sha256 of the text), and whole comparisons and their file metrics keyed
by a digest of both texts, their segmentation, the model and the code that compared them.
A cache that cannot be opened or written is skipped: it only saves time."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import numpy as np

CACHE_FILE = "cache.sqlite3"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS vectors (model TEXT, digest BLOB, vector BLOB, PRIMARY KEY (model, digest))"
    " WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS comparisons (digest BLOB PRIMARY KEY, value TEXT) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS file_metrics (digest BLOB PRIMARY KEY, value TEXT) WITHOUT ROWID",
)


def cache_dir() -> Path:
    override = os.environ.get("MTAUDIT_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("mtaudit"))


class DiskCache:
    def __init__(self, path: Path):
        self.path = path
        self._connection: sqlite3.Connection | None = None

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_connection": None}  # another process opens its own

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=10)
                for statement in _SCHEMA:
                    connection.execute(statement)
                self._connection = connection
            except (OSError, sqlite3.Error):
                return None
        return self._connection

    def _write(self, statement: str, rows: list[tuple]) -> None:
        connection = self._connect()
        if connection is None or not rows:
            return
        try:
            with connection:
                connection.executemany(statement, rows)
        except sqlite3.Error:
            pass

    def vectors(self, model_id: str, digests: Sequence[bytes]) -> dict[bytes, "np.ndarray"]:
        import numpy as np

        connection = self._connect()
        found: dict[bytes, np.ndarray] = {}
        if connection is None:
            return found
        try:
            for first in range(0, len(digests), 500):
                chunk = digests[first:first + 500]
                rows = connection.execute(
                    f"SELECT digest, vector FROM vectors WHERE model = ? AND digest IN ({','.join('?' * len(chunk))})",
                    (model_id, *chunk))
                found.update((digest, np.frombuffer(vector, np.float32)) for digest, vector in rows)
        except sqlite3.Error:
            return {}
        return found

    def add_vectors(self, model_id: str, vectors: dict[bytes, "np.ndarray"]) -> None:
        import numpy as np

        self._write("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)",
                    [(model_id, digest, v.astype(np.float32).tobytes()) for digest, v in vectors.items()])

    def _value(self, table: str, digest: bytes) -> str | None:
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute(f"SELECT value FROM {table} WHERE digest = ?", (digest,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def comparison(self, digest: bytes) -> str | None:
        return self._value("comparisons", digest)

    def add_comparison(self, digest: bytes, value: str) -> None:
        self._write("INSERT OR REPLACE INTO comparisons VALUES (?, ?)", [(digest, value)])

    def file_metrics(self, digest: bytes) -> str | None:
        return self._value("file_metrics", digest)

    def add_file_metrics(self, digest: bytes, value: str) -> None:
        self._write("INSERT OR REPLACE INTO file_metrics VALUES (?, ?)", [(digest, value)])
