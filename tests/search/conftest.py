import pytest

# The quality table of tests/search/test_quality.py, shown at the end of the run (without
# xdist: a worker's stash does not reach the terminal).
QUALITY_TABLE = pytest.StashKey[str]()


def pytest_terminal_summary(terminalreporter, config):
    table = config.stash.get(QUALITY_TABLE, None)
    if table:
        terminalreporter.write_sep("-", "Hebrew search: recall and precision")
        terminalreporter.write_line(table)
