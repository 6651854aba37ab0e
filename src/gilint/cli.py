"""The ``gilint`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from gilint import __version__


class UsageError(Exception):
    """A problem with how gilint was called or configured: exit status 2."""


def _parse_command(args: argparse.Namespace) -> int:
    from gilint.export import report_dict
    from gilint.outline import outline
    from gilint.parsing import load, parse_loaded

    try:
        if args.file == "-":
            from gilint.loading import load_bytes

            loaded, path = load_bytes(sys.stdin.buffer.read(), origin="-"), "-"
        else:
            loaded, path = load(_existing_file(args.file))
    except OSError as exc:
        raise UsageError(f"无法读取文件 {args.file}: {exc.strerror or exc}") from exc
    report = parse_loaded(loaded, path=path)
    if args.format == "json":
        json.dump(report_dict(report), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for line in outline(report):
            print(line)
    return 0


def _existing_file(name: str) -> str:
    import os

    if not os.path.isfile(name):
        raise FileNotFoundError(2, "文件不存在或不是普通文件", name)
    return name


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gilint", description="政府信息公开工作年度报告检查工具 (gilint)"
    )
    parser.add_argument("--version", action="version", version=f"gilint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = commands.add_parser("parse", help="解析报告并输出其结构")
    p.add_argument("file", help="报告文件（- 表示标准输入）")
    p.add_argument("--format", choices=("json", "tree"), default="tree", help="输出格式")
    p.set_defaults(run=_parse_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        result: int = args.run(args)
        return result
    except UsageError as exc:
        print(f"gilint: 错误: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
