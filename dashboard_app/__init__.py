"""The dashboard's logic: loading, filtering, chart building, exports. Pages in `pages/` only render it."""
