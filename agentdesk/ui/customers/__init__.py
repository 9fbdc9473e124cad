"""The customer record area: search, the record itself, and its edit dialog."""
