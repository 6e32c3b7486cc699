"""The book's measurement harness for Python, the twin of the Rust one.

Each figure: a warm-up, then at least ten samples (about a second of them),
printed as one line in the form that `cargo xtask` parses:

    label  median 36.6 µs (p10–p90 35.1–38.0, n=10)

The percentiles are statistics.quantiles(method="inclusive"), which the Rust
harness (examples/measure_harness/lib.rs) computes the same way. This file is
a module, not a listing: the listings that time something import it.
"""

import math
import statistics
import sys
import time

# ANCHOR: harness
SAMPLES = 10  # at least, in a full run
BUDGET = 1.0  # seconds per figure, about


def quick_from_args(listing: str) -> bool:
    """True for `--quick` (the tests' small run); exit 2 on anything else."""
    match sys.argv[1:]:
        case []:
            return False
        case ["--quick"]:
            return True
        case [other, *_]:
            print(f"error: unexpected argument {other!r}\nusage: {listing} [--quick]",
                  file=sys.stderr)
            sys.exit(2)


class Figure:
    def __init__(self, label: str, unit: str, samples: list[float], n: int | None = None):
        self.label, self.unit = label, unit
        self.samples = sorted(samples)
        self.n = n if n is not None else len(samples)

    def quantile(self, q: float) -> float:
        pos = q * (len(self.samples) - 1)
        lo = int(pos)
        hi = min(lo + 1, len(self.samples) - 1)
        return self.samples[lo] + (self.samples[hi] - self.samples[lo]) * (pos - lo)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def over(self, other: "Figure", label: str) -> "Figure":
        """self / other: the ratio of every sample to every sample (a zero
        sample of other divides nothing and is left out)."""
        ratios = [a / b for a in self.samples for b in other.samples if b != 0]
        return Figure(label, "×", ratios, n=min(self.n, other.n))

    def line(self, width: int = 0) -> str:
        scale, unit = 1.0, self.unit
        if unit == "s":  # durations are kept in seconds, shown in ns to s
            for scale, unit in (1e-9, "ns"), (1e-6, "µs"), (1e-3, "ms"), (1.0, "s"):
                if self.median < scale * 1000:
                    break
        median = self.median / scale
        # three significant digits; the percentiles as many decimals
        digits = 0 if median == 0 else min(max(2 - math.floor(math.log10(abs(median))), 0), 4)
        space = "" if unit in ("", "×") else " "
        return (f"{self.label:<{width}}  median {median:.{digits}f}{space}{unit} "
                f"(p10–p90 {self.quantile(0.1) / scale:.{digits}f}–"
                f"{self.quantile(0.9) / scale:.{digits}f}, n={self.n})")


def sample(label: str, unit: str, take, quick: bool) -> Figure:
    """A figure of which each call of take() returns one sample."""
    take()  # warm-up
    wanted, budget = (5, 0.005) if quick else (SAMPLES, BUDGET)
    samples, start = [], time.perf_counter()
    while len(samples) < wanted or (time.perf_counter() - start < budget and len(samples) < 100):
        samples.append(take())
    return Figure(label, unit, samples)


def time_call(label: str, op, quick: bool) -> Figure:
    """The time of one call of op(), run in batches a tenth of the budget long."""
    target = (0.005 if quick else BUDGET) / SAMPLES
    batch = 1
    while True:  # the warm-up finds the batch size
        start = time.perf_counter()
        for _ in range(batch):
            op()
        if time.perf_counter() - start >= target:
            break
        batch *= 2

    def one_batch() -> float:
        start = time.perf_counter()
        for _ in range(batch):
            op()
        return (time.perf_counter() - start) / batch

    samples = [one_batch() for _ in range(5 if quick else SAMPLES)]
    return Figure(label, "s", samples)
# ANCHOR_END: harness
