"""Orders in the console: the order form, dispatch sheets and delivery results."""
