"""Performance benchmarks of AgentDesk, each compared with a floor measured in the same run."""
