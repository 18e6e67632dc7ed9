#!/usr/bin/env python3
"""Parse every FTL file with Mozilla's reference Fluent parser (fluent.syntax) and fail on Junk.

Usage: ftl_parse.py [PATH ...]   (files or folders; default: locales/, from the repository root)

A Fluent parser never fails: what it cannot parse becomes a Junk entry, which runtimes such as
fluent-bundle and @fluent/bundle silently skip, losing the message. This script prints, for each
Junk entry, `file:line:column: CODE message` (the parser's annotation) and the junk's first line,
then exits 1. It also exits 1 when it finds no .ftl file at all, so a wrong path cannot pass.
"""

import sys
from pathlib import Path

from fluent.syntax import FluentParser, ast


def ftl_files(paths):
    for path in paths:
        if path.is_dir():
            yield from sorted(path.rglob("*.ftl"))
        else:
            yield path


def line_col(source, offset):
    line = source.count("\n", 0, offset) + 1
    col = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return line, col


def check(path, parser):
    """Return the problems of one file as printable lines."""
    problems = []
    # Fluent files are UTF-8; bytes that are not are reported as the file's problem.
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return [f"{path}: not valid UTF-8 ({err})"]
    resource = parser.parse(source)
    for entry in resource.body:
        if not isinstance(entry, ast.Junk):
            continue
        junk_line, _ = line_col(source, entry.span.start)
        first_line = entry.content.splitlines()[0] if entry.content else ""
        annotations = entry.annotations or [None]
        for annotation in annotations:
            if annotation is None:
                problems.append(f"{path}:{junk_line}:1: junk without annotation")
            else:
                line, col = line_col(source, annotation.span.start)
                problems.append(f"{path}:{line}:{col}: {annotation.code} {annotation.message}")
        problems.append(f"    junk starting at line {junk_line}: {first_line!r}")
    return problems


def main(argv):
    paths = [Path(arg) for arg in argv] or [Path("locales")]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"ftl_parse: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    files = list(ftl_files(paths))
    if not files:
        print(f"ftl_parse: no .ftl file under {', '.join(map(str, paths))}", file=sys.stderr)
        return 2

    parser = FluentParser(with_spans=True)
    problems = []
    for path in files:
        problems.extend(check(path, parser))

    if problems:
        print("\n".join(problems))
        print(f"ftl_parse: Junk in the files above ({len(files)} files parsed)", file=sys.stderr)
        return 1
    print(f"ftl_parse: {len(files)} files parsed by fluent.syntax, no Junk")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
