"""One way into the graph: the official neo4j driver, as writer or as read-only reader."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, Literal, TypeVar

import neo4j
from neo4j.exceptions import AuthError, ClientError, ConstraintError, Forbidden, ServiceUnavailable

from crosscheck.errors import ConfigError, GraphUnavailable, QueryError, ReadOnlyViolation
from crosscheck.settings import Settings
from graph import server
from graph.backend import Backend

log = logging.getLogger(__name__)
T = TypeVar("T")
Role = Literal["writer", "reader"]

# Concurrent MERGEs of the same new key: one commits, the other fails at commit with a
# non-retryable ConstraintError. Re-running the transaction then finds the node and matches it.
CONSTRAINT_RETRIES = 5
_READ_ONLY_MESSAGE = "this query tries to change the graph; investigator queries are read-only (server said: {})"


class Graph:
    def __init__(self, driver: neo4j.Driver, database: str | None, backend: Backend, role: Role):
        self.driver = driver
        self.database = database
        self.backend = backend
        self.role = role

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def session(self, **kwargs: Any) -> neo4j.Session:
        mode = neo4j.READ_ACCESS if self.role == "reader" else neo4j.WRITE_ACCESS
        return self.driver.session(database=self.database, default_access_mode=mode, **kwargs)

    def write(self, work: Callable[..., T], *args: Any) -> T:
        """Run ``work(tx, *args)`` in one write transaction; constraint races are retried a few times."""
        for attempt in range(CONSTRAINT_RETRIES):
            try:
                with self.session() as session:
                    return session.execute_write(work, *args)
            except ConstraintError:
                if attempt == CONSTRAINT_RETRIES - 1:
                    raise
                log.debug("constraint conflict, retrying (attempt %d)", attempt + 1)
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[neo4j.Record]:
        def work(tx: neo4j.ManagedTransaction) -> list[neo4j.Record]:
            return list(tx.run(cypher, params or {}))

        try:
            with self.session() as session:
                return session.execute_read(work)
        except Forbidden as exc:
            raise ReadOnlyViolation(_READ_ONLY_MESSAGE.format(exc.message)) from exc
        except ClientError as exc:
            # Neo4j refuses writes inside a READ transaction with this code (Community has no roles).
            if exc.code == "Neo.ClientError.Statement.AccessMode":
                raise ReadOnlyViolation(_READ_ONLY_MESSAGE.format(exc.message)) from exc
            raise QueryError(f"the graph rejected the query: {exc.message}") from exc


def connect(settings: Settings, role: Role = "writer") -> Graph:
    """Open the graph: the embedded server (started if needed) or the configured Neo4j."""
    if settings.embedded:
        server.ensure_started(settings)
        creds = server.writer_credentials(settings) if role == "writer" else server.reader_credentials(settings)
        backend = Backend("arcadedb")
        uri, user, password, database = creds.uri, creds.user, creds.password, creds.database
    else:
        if role == "writer":
            user, password = settings.neo4j_user, settings.neo4j_password
            missing = "CROSSCHECK_NEO4J_USER / CROSSCHECK_NEO4J_PASSWORD"
        else:
            user, password = settings.neo4j_reader_user, settings.neo4j_reader_password
            missing = "CROSSCHECK_NEO4J_READER_USER / CROSSCHECK_NEO4J_READER_PASSWORD"
        if not user or password is None:
            raise ConfigError(f"CROSSCHECK_NEO4J_URI is set but {missing} are not")
        uri, database = settings.neo4j_uri or "", settings.neo4j_database
        backend = Backend("neo4j")
    driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        driver.close()
        raise GraphUnavailable(f"the graph at {uri} refused the {role} credentials: {exc.message}") from exc
    except (ServiceUnavailable, OSError) as exc:
        driver.close()
        raise GraphUnavailable(f"cannot reach the graph at {uri}: {exc}") from exc
    return Graph(driver, database, backend, role)
