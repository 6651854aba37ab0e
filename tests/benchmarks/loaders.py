"""Loaders: milliseconds per report to read each kind of file, and to lint what was read.

Run by hand: ``python tests/benchmarks/loaders.py [--reports N]``. It prints numbers and
asserts nothing. The files are made from the testing kit's reports (HTML by hand, Word
with python-docx, PDF with reportlab: the ``test`` extra) before any timing starts.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import gilint
from gilint.config import Config
from gilint.linting import Linter
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=20)
    args = parser.parse_args()
    reports = [sample_report("2021" if i % 2 else "2019", seed=i) for i in range(args.reports)]
    documents = [document(r) for r in reports]
    linter = Linter(Config())
    print(f"gilint {gilint.__version__}, {args.reports} reports of each kind")
    print(f"{'loader':8} {'extract ms':>11} {'lint ms':>9} {'extract share':>14}")
    for kind, (name, make) in MAKERS.items():
        files = [make(d) for d in documents]
        loaded = [read_with(BUILTIN_LOADERS, data, name) for data in files]
        extract = _best(lambda: [read_with(BUILTIN_LOADERS, f, name) for f in files])  # noqa: B023
        lint = _best(lambda: [linter.check(linter.parse_loaded(x, name)) for x in loaded])  # noqa: B023
        per_extract = 1000 * extract / len(files)
        per_lint = 1000 * lint / len(files)
        share = per_extract / (per_extract + per_lint)
        print(f"{kind:8} {per_extract:11.1f} {per_lint:9.2f} {share:13.0%}")


if __name__ == "__main__":
    main()
