"""Qt item models over service results; views show them, widgets never hold rows."""
