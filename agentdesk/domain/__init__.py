"""Domain: the call center's words and rules, with no database, network or Qt."""
