"""The runnable site around the plugin (settings, URLs, WSGI, gunicorn) and the demo. Not installed with
the plugin: a host site has its own."""
