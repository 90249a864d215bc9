"""Page arithmetic shared by the vendors: page numbers (offset) and positions (cursor)."""
