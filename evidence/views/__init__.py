"""The evidence pages: thin views over the services, each checking who is asking."""
