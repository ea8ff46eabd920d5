"""GIFT quizzes."""

from advisor.interop.gift.reader import *  # noqa: F403
from advisor.interop.gift.reader import GiftImport, Skipped, export_gift, import_gift, not_representable, slugify

__all__ = ["GiftImport", "Skipped", "export_gift", "import_gift", "not_representable", "slugify"]
