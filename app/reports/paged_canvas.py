"""A reportlab canvas that numbers its pages "Side 1 af 2": the pages are held back until the end,
then each gets its footer, drawn by the report with the page number and the page count."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas


class PagedCanvas(Canvas):
    """Use as ``canvasmaker=functools.partial(PagedCanvas, footer=draw)``; ``draw(canvas, page, pages)``."""

    def __init__(self, *args, footer: Callable[[Canvas, int, int], None], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._held_pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, pages)
            super().showPage()
        super().save()
