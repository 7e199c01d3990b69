"""What every service of an unlocked profile needs: the store, the content, who she is, today."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from app.content.library import ContentLibrary
from app.services.cases.dto import ProfileInfo
from app.services.store import Store


@dataclass
class ServiceContext:
    store: Store
    content: ContentLibrary
    profile: ProfileInfo
    today: Callable[[], date] = field(default=date.today)
