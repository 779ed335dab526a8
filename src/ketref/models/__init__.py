"""The pydantic models of ketref: records (entities, sources, claims) and query results."""
