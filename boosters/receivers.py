"""Hooks the lower layers call: a certificate issued starts its holder's boosters."""
