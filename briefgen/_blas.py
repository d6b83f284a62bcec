"""One BLAS thread, set before numpy loads (imported first by the command line).

briefgen's numeric work is sparse or small and dense, and `--jobs` parallelises across processes.
A multi-threaded BLAS gains nothing here, starts a pool of threads at import (a tenth of a second of
CPU on the 2-core machines we measure, most of a short command's start-up) and can change
floating-point sums with the number of cores. A value the user set is left alone.
"""

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
