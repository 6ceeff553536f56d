"""Certificates: issuing, leaders first, expiry, PDFs and verification (built in the certificates issue)."""
