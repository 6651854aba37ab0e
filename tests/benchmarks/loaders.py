"""Loaders: milliseconds per report to read each kind of file, to read it again from the
cache that ``--cache`` keeps (:mod:`gilint.extraction_cache`), and to lint what was read.

Run by hand: ``python tests/benchmarks/loaders.py [--reports N]``. It prints numbers and
asserts nothing. The files are made from the testing kit's reports (HTML by hand, Word
with python-docx, PDF with reportlab: the ``test`` extra) before any timing starts.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import gilint
from gilint.config import Config
from gilint.extraction_cache import ExtractionCache
from gilint.linting import Linter
from gilint.loaders import NotInstalled
from gilint.loaders.builtin import BUILTIN_LOADERS
from gilint.parsing import read_with
from gilint.testing import sample_report
from gilint.testing.documents import document, to_docx, to_html, to_pdf

MAKERS: dict[str, tuple[str, Callable[..., bytes]]] = {
    "html": ("r.html", to_html),
    "docx": ("r.docx", to_docx),
    "pdf": ("r.pdf", lambda d: to_pdf(d)[0]),
}


def _best(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def measure(reports: int) -> list[tuple[str, float, float, float] | tuple[str, str]]:
    """Per kind of file, (kind, ms per report to extract, to read the extraction back
    from the cache, to lint what was extracted); (kind, why) for a kind whose files
    cannot be made or read here (an optional extra that is not installed)."""
    datas = [sample_report("2021" if i % 2 else "2019", seed=i) for i in range(reports)]
    documents = [document(r) for r in datas]
    linter = Linter(Config())
    results: list[tuple[str, float, float, float] | tuple[str, str]] = []
    for kind, (name, make) in MAKERS.items():
        try:
            files = [make(d) for d in documents]
            loaded = [read_with(BUILTIN_LOADERS, data, name) for data in files]
        except (ImportError, NotInstalled) as exc:
            results.append((kind, f"not measured: {exc}"))
            continue
        extract = _best(lambda: [read_with(BUILTIN_LOADERS, f, name) for f in files])  # noqa: B023
        with tempfile.TemporaryDirectory() as folder:
            cache = ExtractionCache(Path(folder))
            for data in files:  # filled, then read back
                read_with(BUILTIN_LOADERS, data, name, cache)
            cached = _best(lambda: [read_with(BUILTIN_LOADERS, f, name, cache) for f in files])  # noqa: B023
        lint = _best(lambda: [linter.check(linter.parse_loaded(x, name)) for x in loaded])  # noqa: B023
        per = 1000 / len(files)
        results.append((kind, extract * per, cached * per, lint * per))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=20)
    args = parser.parse_args()
    print(f"gilint {gilint.__version__}, {args.reports} reports of each kind")
    print(f"{'loader':8} {'extract ms':>11} {'cached ms':>10} {'lint ms':>9} {'extract share':>14}")
    for result in measure(args.reports):
        if len(result) == 2:
            print(f"{result[0]:8} {result[1]}")
            continue
        kind, per_extract, per_cached, per_lint = result
        share = per_extract / (per_extract + per_lint)
        print(f"{kind:8} {per_extract:11.1f} {per_cached:10.2f} {per_lint:9.2f} {share:13.0%}")


if __name__ == "__main__":
    main()
