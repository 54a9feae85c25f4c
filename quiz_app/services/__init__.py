"""The application's operations. Each write is one transaction and returns what changed."""
