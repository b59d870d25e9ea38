"""The ``dateline`` argument parser: sub-commands, their help, ``--version`` and shell completion."""
from __future__ import annotations

import argparse
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from dateline.tui.cli.cli_feeds import add_parsers as add_feed_parsers

WAIT_SECONDS = 30.0
EXTRACTORS = ("builtin", "spacy")
EXPORT_FORMATS = ("json", "jsonl", "csv", "md", "ftm", "gexf", "timelinejs")

DESCRIPTION = """\
A keyboard-first terminal explorer for news: entities, events and figures, in sync.

Run `dateline` with no command to open the app on the store; the commands below
work on the same store from scripts and shells."""

EPILOG = """\
examples:
  dateline                                  open the app
  dateline ingest ~/news/*.md feeds.xml     add articles (files, folders, globs, -, URLs)
  dateline stats --json                     what the store holds, as one JSON document
  dateline export --format csv --entity "Steve Jobs" -o jobs.csv
  dateline serve --port 8000                the app in a browser (pip install 'dateline[web]')
  dateline completion bash > ~/.local/share/bash-completion/completions/dateline

environment:
  DATELINE_DB       the store folder (default: the user data folder; --db wins)
  DATELINE_KEYMAP   the key map file (default: keymap.toml in the user config folder)
  DATELINE_CONFIG   the settings file (default: config.toml in the user config folder,
                    with store, theme, extractor and keymap; options and variables win)

exit status:
  0 done   1 some input failed (each has its line; the rest was stored)
  2 usage or input error   3 the store could not be opened or written   130 interrupted"""


def package_version() -> str:
    try:
        return version("dateline")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _extractor(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument("--extractor", default=default, choices=EXTRACTORS,
                        help="name finder: builtin (fast, no model) or spacy (needs dateline[spacy]); "
                             "default %(default)s")


def _wait(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wait", type=float, default=WAIT_SECONDS, metavar="SECONDS",
                        help="how long to wait for another writer to finish (default %(default)s)")


def _jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="extraction processes (default: one per core; 1 extracts in this process)")


def build_parser(extractor: str = "builtin") -> argparse.ArgumentParser:
    """The whole command line; ``extractor`` is the configured default of every ``--extractor``."""
    ap = argparse.ArgumentParser(prog="dateline", description=DESCRIPTION, epilog=EPILOG,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"dateline {package_version()}")
    ap.add_argument("--db", type=Path, metavar="FOLDER",
                    help="store folder (default: $DATELINE_DB, config.toml's store, or the user data folder)")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    db_opt = argparse.ArgumentParser(add_help=False)
    db_opt.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="FOLDER", help="store folder")
    ing = sub.add_parser("ingest", parents=[db_opt], help="add articles from files, folders, globs, - or URLs")
    ing.add_argument("paths", nargs="*", metavar="PATH",
                     help="files, folders (recursive), globs, - for stdin, or feed/page URLs")
    ing.add_argument("--demo", action="store_true", help="ingest the bundled demo corpus")
    ing.add_argument("--extracted", metavar="RESULTS.jsonl",
                     help="store the output of `dateline extract --jsonl` computed elsewhere; the PATHs are then "
                          "the article files it read (JSONL with id and text), joined to the results by id")
    ing.add_argument("--follow-symlinks", action="store_true",
                     help="in folders, follow symbolic links that lead out of the folder")
    _extractor(ing, extractor)
    _jobs(ing)
    _wait(ing)
    st = sub.add_parser("stats", parents=[db_opt], help="counts of what the store holds")
    st.add_argument("--json", action="store_true", help="one JSON document instead of the table")
    sub.add_parser("extract", help="print one article's extraction as JSON (see `dateline extract -h`)",
                   add_help=False)
    rx = sub.add_parser("reextract", parents=[db_opt], help="run extraction again; hand edits are kept")
    _extractor(rx, extractor)
    _jobs(rx)
    _wait(rx)
    lg = sub.add_parser("log", parents=[db_opt], help="print the edit log")
    lg.add_argument("--json", action="store_true",
                    help="one JSON document {\"edits\": [...]}, like stats --json and check --json")
    ck = sub.add_parser("check", parents=[db_opt],
                        help="read every file of the store and name each problem (writes nothing)")
    ck.add_argument("--json", action="store_true", help="the report as one JSON document")
    rp = sub.add_parser("repair", parents=[db_opt],
                        help="repair a damaged store, keeping a copy of every file it replaces")
    _extractor(rp, extractor)
    _wait(rp)
    _export_parser(sub, db_opt)
    add_feed_parsers(sub, db_opt, WAIT_SECONDS)
    sv = sub.add_parser("serve", parents=[db_opt], help="serve the app to a browser (needs dateline[web])")
    sv.add_argument("--host", default="127.0.0.1",
                    help="address to listen on (default %(default)s: this machine only; "
                         "0.0.0.0 lets anyone on the network open the store)")
    sv.add_argument("--port", type=int, default=8000, help="port to listen on (default %(default)s)")
    cp = sub.add_parser("completion", help="print a shell completion script (bash, zsh or fish)")
    cp.add_argument("shell", choices=["bash", "zsh", "fish"], help="the shell to complete for")
    return ap


def _export_parser(sub, db_opt: argparse.ArgumentParser) -> None:
    ex = sub.add_parser("export", parents=[db_opt], help="export records for other tools")
    ex.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="the file format")
    ex.add_argument("--entity", action="append", default=[], metavar="NAME", help="entity name (repeatable)")
    ex.add_argument("--type", action="append", default=[], metavar="TYPE",
                    help="entity type such as PERSON or ORG (repeatable)")
    ex.add_argument("--tag", action="append", default=[], metavar="TAG", help="entity tag (repeatable)")
    ex.add_argument("--from", dest="date_from", metavar="DATE",
                    help="earliest date: 2025, 2025-06, 2025-Q2 or 2025-06-09")
    ex.add_argument("--to", dest="date_to", metavar="DATE", help="latest date, written like --from")
    ex.add_argument("-o", "--output", default="-", metavar="FILE", help="output file, or - for stdout (default)")
    ex.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def completion_script(shell: str) -> str:
    """A completion script for ``shell`` generated from the parser itself (shtab for bash and zsh; fish,
    which shtab does not write, from the same parser here)."""
    if shell == "fish":
        return fish_completion(build_parser())
    import shtab

    return shtab.complete(build_parser(), shell=shell)


def fish_completion(parser: argparse.ArgumentParser) -> str:
    """``complete`` lines for fish: every sub-command, and each one's options with their help and choices."""
    def quote(text: str | None) -> str:
        return "'" + (text or "").replace("%(default)s", "default").replace("\\", "\\\\").replace("'", "\\'") + "'"

    def option_lines(actions, condition: str) -> list[str]:
        out = []
        for action in actions:
            longs = [o[2:] for o in action.option_strings if o.startswith("--")]
            shorts = [o[1:] for o in action.option_strings if len(o) == 2]
            if not longs and not shorts or action.help == argparse.SUPPRESS:
                continue
            line = f"complete -c dateline -n {quote(condition)}"
            line += "".join(f" -l {name}" for name in longs) + "".join(f" -s {name}" for name in shorts)
            if action.choices:
                line += f" -x -a {quote(' '.join(map(str, action.choices)))}"
            elif action.nargs != 0:
                line += " -r"
            out.append(f"{line} -d {quote(action.help)}")
        return out

    lines = ["# fish completion for dateline (dateline completion fish > ~/.config/fish/completions/dateline.fish)",
             "complete -c dateline -f"]
    lines += option_lines(parser._actions, "__fish_use_subcommand")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in sub._choices_actions}
    for name, command in sub.choices.items():
        lines.append(f"complete -c dateline -n __fish_use_subcommand -a {name} -d {quote(helps.get(name))}")
        lines += option_lines(command._actions, f"__fish_seen_subcommand_from {name}")
        if any(a.dest == "paths" for a in command._actions):
            lines.append(f"complete -c dateline -n {quote(f'__fish_seen_subcommand_from {name}')} -F")
    return "\n".join(lines) + "\n"
