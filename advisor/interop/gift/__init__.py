"""Moodle GIFT quizzes in and out: `reader` imports, `writer` exports, `escapes` is the shared syntax."""

from advisor.interop.gift.reader import GiftImport, Skipped, import_gift, slugify
from advisor.interop.gift.writer import GIFT_WRITERS, export_gift, not_representable

__all__ = ["GIFT_WRITERS", "GiftImport", "Skipped", "export_gift", "import_gift", "not_representable", "slugify"]
