"""The text loader: decoded text is the text (see :mod:`gilint.loading`)."""

from __future__ import annotations

from gilint.loaders import Loader
from gilint.loading import Loaded, load_bytes


class TextLoader(Loader):
    """Plain text in any encoding gilint decodes; it reads every file no other loader
    takes, so it comes last."""

    name = "text"
    suffixes = (".txt",)
    limited = False  # decoding is linear in the file, which MAX_BYTES bounds

    def load(self, data: bytes, origin: str) -> Loaded:
        return load_bytes(data, origin=origin)
