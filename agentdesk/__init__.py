"""AgentDesk: the agent console for telesales call centers."""

__version__ = "0.1.0"
