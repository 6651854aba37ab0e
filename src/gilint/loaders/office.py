"""Older Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice, when it
is installed, then read by the Word loader.

The conversion runs LibreOffice headless on a copy in a private temporary folder, with
a profile of its own there and a time limit; nothing of the user's is touched.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from gilint.extraction_limits import lift_address_cap
from gilint.loaders import Loader, LoaderError, NotInstalled
from gilint.loaders.docx import DocxLoader
from gilint.loading import Loaded

OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # the compound-file signature of .doc and .wps
TIMEOUT = 120  # seconds a conversion may take


def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


class OfficeLoader(Loader):
    """.doc and .wps files, through LibreOffice."""

    name = "doc"
    suffixes = (".doc", ".wps")

    def sniff(self, data: bytes) -> bool:
        return data.startswith(OLE)

    @classmethod
    def installed(cls) -> bool:
        return _office() is not None

    def cache_version(self) -> str | None:
        """The Word loader's libraries, and LibreOffice as found: the program file's
        path, size and time (an upgrade replaces it), without starting it."""
        office = _office()
        word = DocxLoader().cache_version()
        if office is None or word is None:
            return None
        try:
            info = os.stat(office)
        except OSError:
            return None
        return f"{word}; {os.path.realpath(office)} {info.st_size} {info.st_mtime_ns}"

    def load(self, data: bytes, origin: str) -> Loaded:
        import subprocess  # (imported for a .doc only: a few ms of every start otherwise)
        import tempfile

        office = _office()
        if office is None:
            raise NotInstalled(
                "读取 .doc/.wps 文件需要 LibreOffice（如 apt install libreoffice-writer），"
                "或先用 Word/WPS 另存为 .docx"
            )
        with tempfile.TemporaryDirectory(prefix="gilint-") as folder:
            source = Path(folder, "report.doc")
            source.write_bytes(data)
            command = [
                office,
                f"-env:UserInstallation={Path(folder, 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "docx",
                "--outdir",
                folder,
                str(source),
            ]
            try:
                subprocess.run(
                    command,
                    capture_output=True,
                    timeout=TIMEOUT,
                    check=False,
                    env={**os.environ, "HOME": folder},
                    preexec_fn=lift_address_cap if os.name == "posix" else None,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise LoaderError(f"LibreOffice 转换失败（{type(exc).__name__}）") from None
            converted = Path(folder, "report.docx")
            if not converted.is_file():
                raise LoaderError("LibreOffice 未能把此文件转换为 .docx，文件可能已损坏")
            return DocxLoader().load(converted.read_bytes(), origin)
