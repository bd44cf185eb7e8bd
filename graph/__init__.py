"""The evidence graph: server supervision, schema migrations, writes and investigator queries."""
