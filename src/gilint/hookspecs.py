"""The hook specifications of gilint plugins. Every hook name has the ``gilint_`` prefix.

A plugin is a module (or object) with functions marked ``@gilint.hookimpl``, published
under the ``gilint`` entry-point group or named by ``local-rules``. The built-in rules
are registered the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("gilint")
hookimpl = pluggy.HookimplMarker("gilint")


@hookspec
def gilint_rules() -> Sequence[type[Any]]:
    """Return the :class:`gilint.Rule` subclasses this plugin provides."""
    raise NotImplementedError


@hookspec
def gilint_templates() -> Sequence[Any]:
    """Return :class:`gilint.templates.Template` descriptions of further formats
    (a provincial variant, a future national revision)."""
    raise NotImplementedError


@hookspec
def gilint_reporters() -> Sequence[type[Any]]:
    """Return reporter classes (output formats) this plugin provides."""
    raise NotImplementedError


@hookspec
def gilint_loaders() -> Sequence[Any]:
    """Return :class:`gilint.loaders.Loader` instances: readers of further file formats.
    A loader that sniffs a file's bytes first, or claims its suffix, reads it."""
    raise NotImplementedError


@hookspec
def gilint_corpus_rules() -> Sequence[type[Any]]:
    """Return :class:`gilint.rule.CorpusRule` subclasses: checks across the reports of a
    run (one year against the last, copied text), reading the reports' summaries."""
    raise NotImplementedError
