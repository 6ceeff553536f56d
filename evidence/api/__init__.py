"""The evidence API under /api/v1/: checks, disputes, follow-ups, scorecards and trends (``checks``);
calibration, customer surveys and mystery-shopper rounds (``programme``)."""
