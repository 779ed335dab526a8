"""Tables generated from the knowledge base, each cell traceable to the claims behind it."""
