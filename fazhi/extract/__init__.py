"""The extractor: report files → frozen records (``Report``)."""

from .records import Report
from .report import extract_report, extract_text

__all__ = ["Report", "extract_report", "extract_text"]
