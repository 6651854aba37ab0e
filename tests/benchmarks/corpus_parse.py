"""Per-report parse time of the real reports: ``python tests/benchmarks/corpus_parse.py [DIR]``.

DIR defaults to the shared corpus beside the repository. Prints the best and the median of
30 parses of each file; asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import gilint


def main() -> None:
    folder = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else (Path(__file__).resolve().parents[3] / "shared" / "corpus")
    )
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"no reports in {folder}")
    gilint.parse(files[0].read_bytes())  # build the parser outside the timing
    print(f"{'report':<28} {'KiB':>6} {'best ms':>8} {'median ms':>10}")
    for path in files:
        data = path.read_bytes()
        times = []
        for _ in range(30):
            start = time.perf_counter()
            gilint.parse(data)
            times.append(time.perf_counter() - start)
        print(
            f"{path.name:<28} {len(data) / 1024:6.1f} {min(times) * 1000:8.2f} "
            f"{statistics.median(times) * 1000:10.2f}"
        )


if __name__ == "__main__":
    main()
