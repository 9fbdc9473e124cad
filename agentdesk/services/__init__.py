"""Services: the use cases an agent, supervisor or admin performs; Qt-free."""
