"""One catalogue of user-facing errors with stable, searchable codes.

The library raises; only the CLI prints.
"""
from __future__ import annotations


class SpinscopeError(Exception):
    """An error with a stable code (``E001``...) and a message a user can act on."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class InputRejected(SpinscopeError):
    """One input could not be analysed; the batch goes on."""

    def __init__(self, code: str, message: str, source: str) -> None:
        super().__init__(code, message)
        self.source = source

    @property
    def reason(self) -> str:
        return REJECT_REASONS.get(self.code, "error")


# Codes for rejected inputs; the reason is the short word used in summaries.
E_NOT_FOUND = "E101"
E_UNREADABLE = "E102"
E_EMPTY = "E103"
E_BINARY = "E104"
E_UNDECODABLE = "E105"
E_TOO_LARGE = "E106"
E_NO_MAIN_TEXT = "E107"
E_BAD_JSONL = "E108"
E_NO_TEXT_AFTER_CLEANING = "E109"

REJECT_REASONS = {
    E_NOT_FOUND: "not found",
    E_UNREADABLE: "unreadable",
    E_EMPTY: "empty",
    E_BINARY: "binary",
    E_UNDECODABLE: "undecodable",
    E_TOO_LARGE: "too large",
    E_NO_MAIN_TEXT: "no main text",
    E_BAD_JSONL: "bad JSON line",
    E_NO_TEXT_AFTER_CLEANING: "nothing left after cleaning",
}

# Stage failures recorded on an article (Article.errors[].code)
E_STAGE_FAILED = "E201"
E_MODEL_MISSING = "E202"
E_TIMEOUT = "E203"  # the article's analysis ran past --article-timeout; later stages skipped

# Configuration and data files
E_UNKNOWN_NAME = "E010"  # no stage / model registered under a name
E_STAGE_ORDER = "E011"  # a stage requires a layer no earlier stage assigns
E_BAD_CONFIG = "E012"  # unreadable pipeline configuration
E_UNKNOWN_STAGE = "E013"  # --disable names an unknown stage
E_BAD_WORKERS = "E014"  # --workers < 1
E_BAD_TIMEOUT = "E015"  # --article-timeout <= 0
E_SPACY_MODEL = "E020"  # the spaCy pipeline cannot be loaded

# Evaluation data and user-editable tables
E_NO_EVAL_DATA = "E301"  # an eval command found no evaluation data under --data
E_BAD_ALIAS_FILE = "E302"  # a bad line in an alias table
E_BAD_PATTERN_FILE = "E303"  # a bad line in a debris-pattern file
E_USAGE = "E304"  # a missing or conflicting command-line option

# Technique detection (spinscope.techniques)
E_NOT_PTC_DATA = "E310"  # not a PTC-format directory, or unknown split
E_BAD_SPAN_LINE = "E311"  # a SemEval span/label line that cannot be read
E_TRAIN_DEPENDENCY = "E312"  # training needs the train extra / a base model
E_TECHNIQUES_USAGE = "E313"  # a missing or conflicting command-line option
