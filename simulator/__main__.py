"""Command line: python -m simulator [--host] [--ikp-port] [--pz-port] [--db] [--token] [--chaos] [--seed]."""

import argparse
import os
import secrets
import signal
import sqlite3
import sys
import threading

from simulator import faults, logs

EXIT_USAGE = 2
TOKEN_ENV = "IIKP_SIM_TOKEN"


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line on stderr and exit code 2."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _chaos(text):
    try:
        return faults.parse_chaos(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _port(text):
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port must be between 0 and 65535, got {port}")
    return port


def parse_args(argv=None):
    """The parsed command line."""
    parser = _Parser(prog="simulator", description="Simulator of iIKP and of the test Profil Zaufany mock.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind both origins to (default 127.0.0.1)")
    parser.add_argument("--ikp-port", type=_port, default=8081, help="iIKP port (0: any free port)")
    parser.add_argument("--pz-port", type=_port, default=8888, help="test PZ port (0: any free port)")
    parser.add_argument("--db", help="SQLite file (default: a new file in a temporary folder)")
    parser.add_argument("--token", help=f"admin API token (default: ${TOKEN_ENV}, else random and printed)")
    parser.add_argument("--chaos", type=_chaos, default={}, metavar="KIND=RATIO,...",
                        help=f"background faults on logins, kinds: {', '.join(faults.CHAOS_KINDS)}")
    parser.add_argument("--seed", type=int, help="random seed of the --chaos faults")
    return parser.parse_args(argv)


def _start(server):
    """Start the server; None, or a one-line reason why it cannot start."""
    try:
        server.start()
    except sqlite3.Error as error:
        reason = f"cannot use the database {server.db_path}: {error}"
    except OSError as error:
        reason = error.strerror or str(error)
    else:
        return None
    server.stop()
    return reason


def main(argv=None):
    """Run both origins until SIGINT or SIGTERM; return the exit code."""
    args = parse_args(argv)
    from simulator.server import SimulatorServer  # the web stack loads only after the arguments are good

    logs.configure()
    token = args.token or os.environ.get(TOKEN_ENV)
    generated = not token
    token = token or secrets.token_urlsafe(18)
    server = SimulatorServer(args.host, args.ikp_port, args.pz_port, args.db, token, args.chaos, args.seed)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    reason = _start(server)
    if reason:
        print(f"simulator: error: {reason}", file=sys.stderr)
        return EXIT_USAGE
    print(f"iIKP: {server.ikp_url}/ikp/zaloguj", flush=True)
    print(f"PZ: {server.pz_url}/pz/ekran_pz", flush=True)
    if generated:
        print(f"Token: {token}", flush=True)
    stop.wait()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
