"""piiguard: find, classify and redact personal information in Chinese text and tables."""
