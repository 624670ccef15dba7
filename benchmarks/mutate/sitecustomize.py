"""Imported at start-up by every Python process of `make mutate` (it is on PYTHONPATH there).

The tests start Python processes of their own (`kg serve`, a second `kg publish`); with the
mutated copy on PYTHONPATH they run the mutant under test, as the test process does. While
mutmut maps tests to functions ("stats"), a child process has no mutant to run and cannot
record what it calls, so it runs the unmutated functions.
"""

import os

if os.environ.get("MUTANT_UNDER_TEST") == "stats":
    del os.environ["MUTANT_UNDER_TEST"]
