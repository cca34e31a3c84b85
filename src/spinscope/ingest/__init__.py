"""Reading inputs: files, directories, HTML, JSON Lines, standard input."""
from .decode import decode_bytes
from .readers import IngestOptions, article_from_text, expand_paths, read_inputs

__all__ = ["IngestOptions", "article_from_text", "decode_bytes", "expand_paths", "read_inputs"]
