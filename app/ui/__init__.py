"""Everything PySide6: windows, dialogs, item models. The only package that imports Qt."""
