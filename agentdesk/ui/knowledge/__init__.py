"""The knowledge base beside the call: search, articles, questions and authoring."""
