"""Signalling pathways as evidenced graphs: building, path queries, and diagrams."""
