"""`make grid`: a local Selenium Grid (hub + N one-session Chromium nodes) on 127.0.0.1 until Ctrl+C or SIGTERM.

    python -m tools.grid [--nodes 2] [--port 4444] [--keep-logs]

Prints the address to give a run (`-D remote_url=...`), then watches the processes; Ctrl+C or SIGTERM
ends the live sessions, the nodes and the hub, and checks that nothing of the Grid is left running.
Exit code: 0 after a clean stop, 1 when a Grid process died on its own, 2 for a bad set-up (no Java,
no server jar, a busy port).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from harness.errors import EXIT_PRODUCT_FAILURE, EXIT_USAGE
from harness.grid import GridError, LocalGrid

WATCH_EVERY = 1.0  # seconds between checks that every Grid process still runs (woken at once by a signal)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.grid",
                                     description="Lokalny Selenium Grid (hub + węzły Chromium) na 127.0.0.1.")
    parser.add_argument("--nodes", type=int, default=2, help="liczba węzłów, każdy z jedną sesją (domyślnie 2)")
    parser.add_argument("--port", type=int, default=4444, help="port huba (domyślnie 4444; 0: dowolny wolny)")
    parser.add_argument("--keep-logs", action="store_true", help="zostaw folder logów po zatrzymaniu")
    parser.add_argument("--start-timeout", type=float, default=180.0, help="sekundy na start (domyślnie 180)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = _parse(argv)
    if not 1 <= options.nodes <= 16 or not 0 <= options.port <= 65535:
        print("tools.grid: --nodes musi być liczbą od 1 do 16, a --port od 0 do 65535 "
              "(np. make grid GRID_NODES=2 GRID_PORT=4444).", file=sys.stderr)
        return EXIT_USAGE
    stop = threading.Event()
    caught: list[str] = []

    def on_signal(signum, frame) -> None:
        caught.append(signal.Signals(signum).name)
        first = not stop.is_set()
        stop.set()
        if first and not started.is_set():
            raise KeyboardInterrupt  # still starting: LocalGrid.start() stops what it began

    started = threading.Event()
    grid = LocalGrid(nodes=options.nodes, port=options.port, keep_logs=options.keep_logs,
                     start_timeout=options.start_timeout)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, on_signal)
    print(f"Uruchamiam Selenium Grid na 127.0.0.1: hub i węzły Chromium ({options.nodes})...", flush=True)
    try:
        grid.start()
    except GridError as error:
        print(error, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"Przerwano start ({', '.join(caught) or 'SIGINT'}); Grid zatrzymany.", file=sys.stderr)
        return 0
    started.set()
    print(f"Selenium Grid gotowy: {grid.url}  (węzły: {options.nodes}, każdy z 1 sesją Chromium; "
          f"logi: {grid.log_dir})", flush=True)
    print(f"Przebieg przez ten Grid:  .venv/bin/behave -D remote_url={grid.url}", flush=True)
    print(f"Równolegle:               make run WORKERS={options.nodes} ARGS=\"-D remote_url={grid.url}\"", flush=True)
    print("Ctrl+C zatrzymuje Grid.", flush=True)
    code = 0
    while not stop.wait(WATCH_EVERY):
        if len(grid.alive()) != options.nodes + 1:
            dead = sorted({"hub", *(f"node-{n}" for n in range(1, options.nodes + 1))} - set(grid.alive()))
            print(f"Proces Selenium Grid {', '.join(dead)} zakończył się sam: {grid.log_tail(dead[0])}. "
                  f"Zatrzymuję resztę (logi: {grid.log_dir}).", file=sys.stderr)
            grid.keep_logs = True
            code = EXIT_PRODUCT_FAILURE
            break
    if caught:
        print(f"\nZatrzymuję Selenium Grid ({caught[0]})...", flush=True)
    grid.stop()
    left = grid.leftovers()
    if left:
        print(f"Po zatrzymaniu zostały procesy Grida: {left}", file=sys.stderr)
        return EXIT_PRODUCT_FAILURE
    print("Selenium Grid zatrzymany; nie został żaden proces (hub, węzły, chromedriver, Chromium).", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
