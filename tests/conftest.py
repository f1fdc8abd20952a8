"""Tests marked `bench` (the benchmark's own machinery) run only when asked with `-m bench`, as `make bench` does."""


def pytest_collection_modifyitems(config, items):
    if "bench" in (config.getoption("markexpr") or ""):
        return
    left_out = [item for item in items if item.get_closest_marker("bench") is not None]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item.get_closest_marker("bench") is None]
