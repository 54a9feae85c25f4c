"""Files -> core objects: the native pack format (and, later, other formats)."""
