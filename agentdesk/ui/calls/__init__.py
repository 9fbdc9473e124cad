"""The call workflow in the console: softphone bar, call panel, wrap-up, callbacks, my day."""
