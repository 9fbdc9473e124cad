"""The call script (沟通流程): the panel beside the call and the editor."""
