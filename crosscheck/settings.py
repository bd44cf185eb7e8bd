"""Typed settings: one object, read from ``CROSSCHECK_*`` environment variables, passed explicitly."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODELS_DIR = REPO_ROOT / "models"  # vocabularies and built NLP assets (models/README.md)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CROSSCHECK_", extra="ignore")

    home: Path = Field(default_factory=lambda: Path.home() / ".crosscheck")
    models_dir: Path = DEFAULT_MODELS_DIR

    # Graph. With no neo4j_uri, crosscheck starts and supervises its embedded ArcadeDB.
    neo4j_uri: str | None = None
    neo4j_user: str | None = None
    neo4j_password: str | None = None
    neo4j_reader_user: str | None = None
    neo4j_reader_password: str | None = None
    neo4j_database: str | None = None
    bolt_port: int = 7688  # not 7687, so a local Neo4j can run beside us
    http_port: int = 2481
    graph_heap: str = "512m"
    # Measured on 2 cores: the C2 JIT compiler kept burning a core's worth of CPU through an ingest
    # (6.6 s of server CPU for 24 PDFs); C1 only with the serial GC, 1.2 s, and the ingest got 25%
    # faster because the workers had the CPU back. See bench/ingest_throughput.py.
    graph_jvm_args: str = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
    graph_start_timeout_s: float = 60.0

    # Batch
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1)
    scheduler: str | None = None  # address of a remote dask scheduler; None = LocalCluster
    worker_memory_limit: str = "1.5GB"

    # Limits on input, so one hostile file cannot take the batch down
    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000
    max_image_pixels: int = 120_000_000  # ~ an A3 page at 600 dpi, far past any real scan
    max_unpacked_bytes: int = 500 * 1024 * 1024  # DOCX (zip) expansion cap

    # OCR
    ocr_languages: str = "ukr+rus+eng"
    # Read a band of each page first with ``ocr_languages`` and, when its script and orthography
    # are clear, read the page with that language alone: ukr+rus+eng together reads ї as й and
    # English words as Cyrillic look-alikes (CER 2.8% -> 1.6% uk, 3.4% -> 2.0% en), and one
    # language is faster. Off: every page is read with ``ocr_languages``.
    ocr_language_hint: bool = True
    ocr_dpi: int = 300
    ocr_page_timeout_s: float = 120.0
    # Pages of one document OCR'd at once (threads, each driving one single-threaded tesseract).
    # A batch raises it when it has fewer files than cores, so a lone 300-page scan uses them all;
    # set CROSSCHECK_OCR_THREADS to pin it.
    ocr_threads: int = Field(default=1, ge=1)
    min_text_layer_chars: int = 20  # fewer real characters on a PDF page means: OCR it

    @property
    def graph_dir(self) -> Path:
        return self.home / "graph"

    @property
    def quarantine_dir(self) -> Path:
        return self.home / "quarantine"

    @property
    def embedded(self) -> bool:
        return not self.neo4j_uri
