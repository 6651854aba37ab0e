"""What the command line tells users in Chinese when the words come from elsewhere:
the operating system's error texts and argparse's; and the one way a warning or an
error reaches standard error.

gilint's own messages are written in Chinese where they are made; these two sources
speak English, so their texts are translated here, in one place.
"""

from __future__ import annotations

import errno
import re
import sys

from gilint.safe_text import diagnostic

_ERRNO = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "不允许的操作",
    errno.ENOSPC: "磁盘空间不足",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "不是目录",
    errno.EPIPE: "管道已关闭",
    errno.EROFS: "文件系统为只读",
    errno.EEXIST: "文件已存在",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ELOOP: "符号链接层数过多",
    errno.EIO: "输入输出错误",
    errno.EMFILE: "打开的文件过多",
    errno.EDQUOT: "超出磁盘配额",
}


def os_error(error: OSError) -> str:
    """An operating-system error in Chinese (the system's own text when it is not a
    common one)."""
    known = _ERRNO.get(error.errno or -1)
    if known is not None:
        return known
    return error.strerror or str(error)


# argparse's error texts (Python 3.10 to 3.13), each with its Chinese form.
_ARGPARSE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), replacement)
    for pattern, replacement in (
        (r"^argument (?P<name>[^:]+): (?P<rest>.*)$", "参数 {name}：{rest}"),
        (r"^the following arguments are required: (?P<names>.*)$", "缺少参数：{names}"),
        (r"^unrecognized arguments: (?P<names>.*)$", "无法识别的参数：{names}"),
        (
            r"^invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$",
            "无效的值 {value}（可选：{choices}）",
        ),
        (r"^expected one argument$", "需要一个值"),
        (r"^expected at least one argument$", "至少需要一个值"),
        (r"^expected (?P<n>\d+) arguments?$", "需要 {n} 个值"),
        (r"^invalid (?P<type>\w+) value: (?P<value>.*)$", "无效的值：{value}"),
        (
            r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$",
            "选项 {option} 有歧义，可能是 {matches}",
        ),
        (r"^not allowed with argument (?P<name>.*)$", "不能与参数 {name} 同时使用"),
        (r"^ignored explicit argument (?P<value>.*)$", "多余的值 {value}"),
    )
)


def argparse_error(message: str) -> str:
    """An argparse error message in Chinese (parts it does not know stay as they are)."""
    for pattern, replacement in _ARGPARSE:
        found = pattern.match(message)
        if found is not None:
            parts = {key: argparse_error(value) for key, value in found.groupdict().items()}
            return replacement.format(**parts)
    return message


def complain(level: str, message: str) -> None:
    """``gilint: LEVEL: MESSAGE`` on standard error. A message may name a file found in a
    stranger's folder, whose name can hold a terminal escape sequence: it is written as
    :func:`gilint.safe_text.diagnostic` shows it."""
    print(f"gilint: {level}: {diagnostic(message)}", file=sys.stderr)
