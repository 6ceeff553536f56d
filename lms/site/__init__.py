"""The site on top of the plugin's apps: learner, leader and HR pages, dashboards and reports, calendar,
exports and the API router. It may import every app below it; nothing below imports it."""
