"""Files crosscheck could not read are kept, with the reason, under ``$CROSSCHECK_HOME/quarantine/``."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from crosscheck.records.document import FileResult
from crosscheck.settings import Settings


def quarantine(result: FileResult, settings: Settings) -> Path:
    """Copy the file beside a JSON reason; returns the JSON path. Idempotent for the same file."""
    qdir = settings.quarantine_dir
    qdir.mkdir(parents=True, exist_ok=True)
    doc = result.document
    stem = f"{result.doc_id[:12]}-{doc.file_name}"
    reason = {
        "file": doc.file_name,
        "path": doc.path,
        "location": result.location,
        "sha256": doc.sha256,
        "size": doc.size,
        "doc_id": result.doc_id,
        "reason": result.error_reason,
        "error": result.error,
        "quarantined_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    # An oversized file is not copied: the copy is what could fill the disk. Its place is recorded.
    if result.error_reason != "oversized":
        copy = qdir / stem
        tmp = qdir / f".{stem}.tmp"
        shutil.copyfile(result.location, tmp)
        os.replace(tmp, copy)
        reason["copy"] = str(copy)
    json_path = qdir / f"{stem}.json"
    tmp_json = qdir / f".{stem}.json.tmp"
    tmp_json.write_text(json.dumps(reason, ensure_ascii=False, indent=2))
    os.replace(tmp_json, json_path)
    return json_path
