"""Configuration: where it is found, what it may say, which rules it enables.

Sources, in order of precedence: the command line, then the nearest configuration file
upward from the linted file (``.gilint.toml``, ``gilint.toml``, or ``pyproject.toml``
with a ``[tool.gilint]`` table; in one directory, in that order). Nothing is merged
across files: the nearest one wins whole, as in ruff.

A configuration file found next to the reports is data from strangers as much as the
reports are: it may select rules, but its ``local-rules`` (code) run only when the user
owns it (:func:`owns`) or says it is trusted.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

import attrs

from gilint.extraction_limits import DEFAULT_EXTRACT_TIMEOUT
from gilint.findings import Severity
from gilint.messages import os_error


def toml_reader() -> Any:
    """The TOML reader, imported when a file or setting is read, not at every start."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


CONFIG_FILES = (".gilint.toml", "gilint.toml", "pyproject.toml")
KEYS = (
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "severity",
    "template",
    "local-rules",
    "formats",
    "include",
    "extend-include",
    "exclude",
    "rule-timeout",
    "extract-timeout",
)
DEFAULT_RULE_TIMEOUT = 10.0  # seconds one rule may take on one report
DEFAULT_INCLUDE = ("*.txt",)  # and the suffixes of every installed loader (see included)


class ConfigError(Exception):
    """A configuration that cannot be used (exit status 2), with a message in Chinese."""


@attrs.frozen(slots=True)
class Config:
    """A resolved configuration. ``root`` is the directory relative paths and
    per-file patterns are taken from; ``source`` the file it was read from."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    template: str = "auto"
    local_rules: tuple[Path, ...] = ()
    # format descriptions as data (TOML files, see gilint.templates.toml_format)
    formats: tuple[Path, ...] = ()
    # local rules named by a file the user does not own, not loaded (see guard_local_rules)
    refused_rules: tuple[Path, ...] = ()
    include: tuple[str, ...] | None = None  # None: the default (see included)
    extend_include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rule_timeout: float = DEFAULT_RULE_TIMEOUT
    extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT
    root: Path | None = None
    source: Path | None = None

    # -- selection --------------------------------------------------------------------

    def selectors(self) -> Iterable[str]:
        yield from self.select or ()
        yield from self.extend_select
        yield from self.ignore
        for _, codes in self.per_file_ignores:
            yield from codes
        for code, _ in self.severity:
            yield code

    def ignored_for(self, path: str | None) -> tuple[str, ...]:
        """Codes ignored for ``path`` by ``per-file-ignores``."""
        if path is None or not self.per_file_ignores:
            return ()
        candidates = _path_forms(path, self.root)
        found: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if any(fnmatch.fnmatch(c, pattern) for c in candidates):
                found.extend(codes)
        return tuple(found)

    def enabled(self, code: str, path: str | None = None) -> bool:
        """Ruff's rule: the most specific matching selector wins; on a tie, ignore wins."""
        on = max(
            (
                _specificity(s)
                for s in (*(self.select or ("ALL",)), *self.extend_select)
                if _matches(s, code)
            ),
            default=-1,
        )
        off = max(
            (_specificity(s) for s in (*self.ignore, *self.ignored_for(path)) if _matches(s, code)),
            default=-1,
        )
        return on > off

    def severity_of(self, code: str, default: Severity) -> Severity:
        best: tuple[int, Severity] | None = None
        for selector, severity in self.severity:
            if _matches(selector, code) and (best is None or _specificity(selector) > best[0]):
                best = (_specificity(selector), severity)
        return best[1] if best else default

    def excluded(self, path: Path) -> bool:
        if not self.exclude:
            return False  # (the path's forms cost a resolve of the root, file after file)
        forms = _path_forms(str(path), self.root)
        return any(fnmatch.fnmatch(f, p) for p in self.exclude for f in forms)

    def included(self, path: Path, default: Sequence[str] = DEFAULT_INCLUDE) -> bool:
        """Whether a file found in a folder is checked: its name matches ``include`` (by
        default ``default``, the patterns of the installed loaders) or ``extend-include``,
        in any case (``.TXT`` is ``.txt``), and no ``exclude`` pattern."""
        name = path.name.lower()
        patterns = (*(default if self.include is None else self.include), *self.extend_include)
        return any(fnmatch.fnmatch(name, p.lower()) for p in patterns) and not self.excluded(path)

    def validate(self, codes: Sequence[str], templates: Sequence[str]) -> None:
        """Unknown codes and templates are errors: a typo must not silently do nothing.
        Where local rules were refused, a code may be theirs, and is let pass."""
        for selector in self.selectors():
            if self.refused_rules:
                break
            if selector != "ALL" and not any(c.startswith(selector) for c in codes):
                raise ConfigError(f"未知的规则代码或前缀“{selector}”{self._where()}")
        if self.template != "auto" and self.template not in templates:
            known = "、".join(("auto", *templates))
            raise ConfigError(f"未知的格式“{self.template}”{self._where()}，可选：{known}")

    def _where(self) -> str:
        return f"（见 {self.source}）" if self.source else ""


def _matches(selector: str, code: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def _specificity(selector: str) -> int:
    return 0 if selector == "ALL" else len(selector)


def _path_forms(path: str, root: Path | None) -> list[str]:
    """The forms a pattern may match: as given, relative to the config root, the name."""
    forms = [PurePath(path).as_posix(), PurePath(path).name]
    if root is not None:
        with contextlib.suppress(ValueError):  # a path outside the root
            forms.append(Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix())
    return forms


# -- reading ------------------------------------------------------------------------


def _strings(key: str, value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f'配置项 {key} 应为字符串列表（如 ["GI1"]）{where}')
    return tuple(v.strip() for v in value)


def normal_code(selector: str) -> str:
    """Rule codes and prefixes are case-insensitive everywhere: ``gi1`` is ``GI1``."""
    return selector.strip().upper()


def _codes(key: str, value: Any, where: str) -> tuple[str, ...]:
    return tuple(normal_code(v) for v in _strings(key, value, where))


def seconds(key: str, value: Any, where: str = "") -> float:
    """A time limit in seconds under ``key`` (``rule-timeout``, ``extract-timeout``); 0
    means no limit."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1e6:
        raise ConfigError(f"配置项 {key} 应为秒数（0 表示不限）{where}")
    return float(value)


def from_mapping(
    data: Mapping[str, Any], root: Path | None = None, source: Path | None = None
) -> Config:
    """A Config from the keys of a ``[tool.gilint]`` table (or the same as a dict)."""
    where = f"（见 {source}）" if source else ""
    unknown = [k for k in data if k not in KEYS]
    if unknown:
        raise ConfigError(f"未知的配置项“{unknown[0]}”{where}，可用的配置项：{'、'.join(KEYS)}")
    fields: dict[str, Any] = {"root": root, "source": source}
    if "select" in data:
        fields["select"] = _codes("select", data["select"], where)
    if "ignore" in data:
        fields["ignore"] = _codes("ignore", data["ignore"], where)
    if "extend-select" in data:
        fields["extend_select"] = _codes("extend-select", data["extend-select"], where)
    if "include" in data:
        fields["include"] = _strings("include", data["include"], where)
    if "extend-include" in data:
        fields["extend_include"] = _strings("extend-include", data["extend-include"], where)
    if "exclude" in data:
        fields["exclude"] = _strings("exclude", data["exclude"], where)
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, Mapping):
            raise ConfigError(f"配置项 per-file-ignores 应为“文件模式 = [代码…]”的表{where}")
        fields["per_file_ignores"] = tuple(
            (str(pattern), _codes(f"per-file-ignores.{pattern}", codes, where))
            for pattern, codes in table.items()
        )
    if "severity" in data:
        table = data["severity"]
        if not isinstance(table, Mapping):
            raise ConfigError(f"配置项 severity 应为“代码 = 严重程度”的表{where}")
        try:
            fields["severity"] = tuple(
                (normal_code(str(code)), Severity.parse(str(level)))
                for code, level in table.items()
            )
        except ValueError as exc:
            raise ConfigError(f"{exc}{where}") from None
    if "template" in data:
        if not isinstance(data["template"], (str, int)):
            raise ConfigError(f"配置项 template 应为 auto、2019 或 2021{where}")
        fields["template"] = str(data["template"])
    if "rule-timeout" in data:
        fields["rule_timeout"] = seconds("rule-timeout", data["rule-timeout"], where)
    if "extract-timeout" in data:
        fields["extract_timeout"] = seconds("extract-timeout", data["extract-timeout"], where)
    if "local-rules" in data:
        base = root or Path.cwd()
        fields["local_rules"] = tuple(
            (base / p) for p in _strings("local-rules", data["local-rules"], where)
        )
    if "formats" in data:
        base = root or Path.cwd()
        fields["formats"] = tuple((base / p) for p in _strings("formats", data["formats"], where))
    return Config(**fields)


def _toml(path: Path) -> dict[str, Any]:
    """The TOML document in ``path``; anything that stops it being read is a ConfigError."""
    toml = toml_reader()
    try:
        data: dict[str, Any] = toml.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"无法读取配置文件 {path}：{os_error(exc)}") from None
    except (toml.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"配置文件 {path} 不是有效的 TOML：{exc}") from None
    except RecursionError:  # arrays or tables nested thousands deep
        raise ConfigError(f"配置文件 {path} 嵌套过深，无法读取") from None
    return data


def _gilint_table(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    """The ``[tool.gilint]`` table of a pyproject.toml (None when it has none); the whole
    document of any other configuration file."""
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(f"{path} 中的 tool 应为表")
    table = tool.get("gilint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path} 中的 [tool.gilint] 应为表")
    return table


def read_file(path: Path) -> Config:
    """The configuration in ``path`` (``pyproject.toml``: its ``[tool.gilint]`` table)."""
    data = _gilint_table(path, _toml(path)) or {}
    return from_mapping(data, root=path.parent.resolve(), source=path)


def _has_table(path: Path) -> bool:
    """Whether ``path`` is a configuration file; a pyproject.toml gilint cannot read is a
    ConfigError, not a file to pass over (a typo must not silently do nothing)."""
    if path.name != "pyproject.toml":
        return True
    return _gilint_table(path, _toml(path)) is not None


def find_file(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or a directory)."""
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and _has_table(candidate):
                return candidate
    return None


def inline(settings: Sequence[str]) -> dict[str, Any]:
    """``--config KEY=VALUE`` settings (TOML, as in a configuration file) as the fields
    of a :class:`Config` they set; they replace the file's values of those keys."""
    text = "\n".join(settings)
    toml = toml_reader()
    try:
        data = toml.loads(text)
    except toml.TOMLDecodeError as exc:
        raise ConfigError(f"--config 的设置不是有效的 TOML（键 = 值）：{exc}") from None
    parsed = from_mapping(data, root=Path.cwd(), source=None)
    return {key.replace("-", "_"): getattr(parsed, key.replace("-", "_")) for key in data}


def owns(config: Config, cwd: Path) -> bool:
    """Whether the user owns ``config``: it was given directly (no source file), or its
    file stands in the working directory or above it (the user's own project). A file
    found below or beside it may have arrived with the reports being checked."""
    if config.source is None:
        return True
    folder = config.source.parent.resolve()
    here = cwd.resolve()
    return folder == here or folder in here.parents


def guard_local_rules(
    config: Config, cwd: Path, *, trust: bool = False
) -> tuple[Config, str | None]:
    """``config`` without its ``local-rules`` when the user does not own it (and did not
    say it is trusted), and the warning that says so. Selection and the other settings
    stay: they run no code."""
    if trust or not config.local_rules or owns(config, cwd):
        return config, None
    message = (
        f"未加载 {config.source} 中的 local-rules：该配置文件不在当前目录或其上级目录，"
        "可能随被检查的文件而来；确认其中代码可信后，可用 --trust-local-rules 加载"
    )
    return attrs.evolve(config, local_rules=(), refused_rules=config.local_rules), message


def discover(start: Path) -> Config:
    found = find_file(start)
    return read_file(found) if found else Config()


def with_overrides(config: Config, **overrides: Any) -> Config:
    """``config`` with the command line's settings on top (``None`` leaves a key alone).

    ``select`` and ``template`` replace the file's; ``ignore``, ``extend-select``,
    ``per-file-ignores`` and ``local-rules`` add to it."""
    changes = {k: v for k, v in overrides.items() if v is not None}
    if "per_file_ignores" in changes:
        changes["per_file_ignores"] = (*config.per_file_ignores, *changes["per_file_ignores"])
    if "ignore" in changes:
        changes["ignore"] = (*config.ignore, *changes["ignore"])
    if "extend_select" in changes:
        changes["extend_select"] = (*config.extend_select, *changes["extend_select"])
    if "local_rules" in changes:
        changes["local_rules"] = (*config.local_rules, *changes["local_rules"])
    return attrs.evolve(config, **changes)
