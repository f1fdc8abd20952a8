"""Command line: python -m simulator [--host] [--ikp-port] [--pz-port] [--db] [--token] [--chaos] [--seed] [...]."""

import argparse
import os
import secrets
import signal
import sqlite3
import sys
import threading

from simulator import faults, logs, variants
from simulator.markup import MARKUPS
from simulator.spa import DEFAULT_DELAY_MS, MAX_DELAY_MS, UIS

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


def _delay(text):
    try:
        delay = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of milliseconds: {text!r}") from None
    if not 0 <= delay <= MAX_DELAY_MS:
        raise argparse.ArgumentTypeError(f"must be between 0 and {MAX_DELAY_MS}, got {delay}")
    return delay


def _seed(text):
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None


def _variants(text):
    try:
        return variants.parse_variants(text)
    except variants.VariantError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


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
    parser.add_argument("--markup", choices=MARKUPS, default="default",
                        help="default: the screens as they are; random: the same screens in another markup")
    parser.add_argument("--markup-seed", type=_seed, metavar="N",
                        help="seed of --markup random (default: a random one, printed)")
    parser.add_argument("--ui", choices=UIS, default="pages",
                        help="pages: one page per screen; spa: iIKP swaps each screen in place like a single-page app")
    parser.add_argument("--spa-delay-ms", type=_delay, metavar="MS",
                        help=f"with --ui spa: how long each swap waits, in milliseconds (default {DEFAULT_DELAY_MS})")
    parser.add_argument("--no-admin", dest="admin", action="store_false",
                        help="no admin API: every /__sim__/ path but /__sim__/health answers 404")
    parser.add_argument("--reword", metavar="FILE",
                        help="show other words: an overlay in the suite's format, [teksty] \"expected\" = \"shown\"")
    parser.add_argument("--rename", metavar="FILE",
                        help="other names of baseline medicines, staff and facilities: the [nazwy] section of an "
                             "accounts file (INI, name in the scenarios = name here)")
    parser.add_argument("--variant", type=_variants, default=frozenset(), metavar="NAME,...",
                        help=f"flow variants: {', '.join(variants.VARIANTS)}")
    args = parser.parse_args(argv)
    try:
        args.reword = variants.load_rewording(args.reword) if args.reword else None
        args.rename = variants.load_names(args.rename) if args.rename else None
    except variants.VariantError as error:
        parser.error(str(error))
    if args.markup_seed is not None and args.markup != "random":
        parser.error("--markup-seed needs --markup random")
    if args.spa_delay_ms is not None and args.ui != "spa":
        parser.error("--spa-delay-ms needs --ui spa")
    return args


def _start(server):
    """Start the server; None, or a one-line reason why it cannot start."""
    try:
        server.start()
    except sqlite3.Error as error:
        reason = f"cannot use the database {server.db_path}: {error}"
    except ValueError as error:  # a --rename of a name the baseline does not have
        reason = str(error)
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
    server = SimulatorServer(args.host, args.ikp_port, args.pz_port, args.db, token, args.chaos, args.seed,
                             markup=args.markup, markup_seed=args.markup_seed, ui=args.ui,
                             spa_delay_ms=args.spa_delay_ms, admin=args.admin, reword=args.reword,
                             rename=args.rename, flows=args.variant)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    reason = _start(server)
    if reason:
        print(f"simulator: error: {reason}", file=sys.stderr)
        return EXIT_USAGE
    if server.markup != "default":
        print(f"Markup: {server.markup}, seed {server.markup_seed}", flush=True)
    print(f"iIKP: {server.ikp_url}/ikp/zaloguj", flush=True)
    print(f"PZ: {server.pz_url}/pz/ekran_pz", flush=True)
    if generated:
        print(f"Token: {token}", flush=True)
    stop.wait()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
