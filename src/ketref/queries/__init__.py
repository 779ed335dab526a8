"""Query logic over claims: reading them both ways round, comparing, finding conflicts."""
