"""The organisation core (app label ``lms``): teams in a tree, profiles, roles, the audit trail, plugin
settings and errors. The lowest layer: it imports no other app of the plugin."""
