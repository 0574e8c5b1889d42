"""What sits in a listings folder besides listings: links, pipes, devices, hidden files, other
suffixes, reserved names and other encodings. Each is an error that names the path only, ends
promptly, and never shows a line of what a link points to. These cannot all be committed files
(git keeps no FIFO, and links to /etc would point elsewhere on another machine), so each test
makes its own folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROVIDERS, ROOT, TODAY

VALID = PROVIDERS / "lanternfish-recovery-collective.yaml"
SECRET = "root:x:0:0:do-not-print-me:/root:/bin/bash"
posix_only = pytest.mark.skipif(os.name != "posix", reason="links and FIFOs as POSIX has them")


def iopdir(*args: str | Path, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args),
                           "--today", TODAY.isoformat()],
                          cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def errors(result: subprocess.CompletedProcess[str], folder: Path) -> list[str]:
    """The error lines, with the folder's path shortened to 'DIR'."""
    lines = result.stderr.replace(str(folder), "DIR").splitlines()
    return [line for line in lines if ": error: " in line]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    listings = tmp_path / "providers"
    listings.mkdir()
    return listings


@posix_only
def test_a_link_to_a_system_file_names_the_link_only(folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text(f"{SECRET}\nname: [\n", encoding="utf-8")
    (folder / "passwd.yaml").symlink_to(secret)
    result = iopdir("validate", folder)
    assert result.returncode == 1
    assert errors(result, folder) == [
        "DIR/passwd.yaml:1:1: error: is a symbolic link; a listing must be a regular file in "
        "the listings folder: replace the link with the file itself"]
    assert "do-not-print-me" not in result.stderr + result.stdout
    assert str(secret) not in result.stderr  # not even where it points


@posix_only
def test_a_link_to_a_valid_listing_elsewhere_is_not_published(folder: Path,
                                                              tmp_path: Path) -> None:
    (folder / "lanternfish-recovery-collective.yaml").symlink_to(VALID)
    result = iopdir("build", "--providers", folder, "--site-dir", tmp_path / "site")
    assert result.returncode == 1
    assert "is a symbolic link" in result.stderr
    assert not (tmp_path / "site").exists()


@posix_only
@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_is_refused_without_reading(folder: Path,
                                                                target: str) -> None:
    (folder / "endless.yaml").symlink_to(target)
    result = iopdir("validate", folder, timeout=30)
    assert result.returncode == 1 and "is a symbolic link" in result.stderr


@posix_only
def test_a_device_named_on_the_command_line_is_not_read() -> None:
    result = iopdir("validate", "/dev/zero", timeout=30)
    assert result.returncode == 1
    assert "/dev/zero:1:1: error: is a device, not a listing file; remove it from the " \
        "listings folder" in result.stderr


@posix_only
def test_a_fifo_does_not_hang_validation(folder: Path) -> None:
    os.mkfifo(folder / "waiting.yaml")  # nothing ever writes to it
    shutil.copy(VALID, folder)
    result = iopdir("validate", folder, timeout=30)
    assert result.returncode == 1
    assert errors(result, folder) == [
        "DIR/waiting.yaml:1:1: error: is a named pipe (FIFO), not a listing file; remove it "
        "from the listings folder"]


def test_a_folder_named_like_a_listing_is_reported(folder: Path) -> None:
    (folder / "clinic.yaml").mkdir()
    result = iopdir("validate", folder)
    assert errors(result, folder) == [
        "DIR/clinic.yaml:1:1: error: is a folder, not a listing file; remove it from the "
        "listings folder"]


@pytest.mark.parametrize(("name", "message"), [
    ("Harbor.YAML", "rename the file to 'harbor.yaml': a file name may hold only lowercase "
     "letters, digits and single dashes, because it becomes the page address; listing files "
     "end in '.yaml' (lowercase)"),
    ("harbor.Yml", "rename the file to 'harbor.yaml': listing files end in '.yaml' (lowercase)"),
    ("harbor.yml", "rename the file to 'harbor.yaml': listing files end in '.yaml' (lowercase)"),
    (".harbor.yaml", "rename the file to 'harbor.yaml': a name starting with a dot is a hidden "
     "file, which many tools skip; a file name may hold only lowercase letters, digits and "
     "single dashes, because it becomes the page address"),
    (".yaml", "the file has no name before '.yaml'; rename it after the provider, like "
     "'harbor-light.yaml'"),
    ("index.yaml", "the file name 'index' is reserved (providers/index/ would be the address of "
     "the providers folder itself); rename the file after the provider, like "
     "'harbor-light.yaml'"),
])
def test_names_that_were_skipped_or_collide_get_a_message(folder: Path, name: str,
                                                          message: str) -> None:
    shutil.copy(VALID, folder / name)
    result = iopdir("validate", folder)
    assert result.returncode == 1
    assert errors(result, folder) == [f"DIR/{name}:1:1: error: {message}"]


def test_other_hidden_files_are_left_alone(folder: Path) -> None:
    shutil.copy(VALID, folder)
    (folder / ".gitkeep").write_text("", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    result = iopdir("validate", folder)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("encoding", "bom", "shown"), [
    ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32"), ("utf-32-be", b"\x00\x00\xfe\xff", "UTF-32"),
    ("utf-32-le", b"", "UTF-32"), ("utf-16-le", b"\xff\xfe", "UTF-16"),
    ("utf-16-be", b"", "UTF-16"),
])
def test_wide_encodings_are_named(folder: Path, encoding: str, bom: bytes, shown: str) -> None:
    (folder / "wide.yaml").write_bytes(bom + VALID.read_text(encoding="utf-8").encode(encoding))
    result = iopdir("validate", folder)
    assert errors(result, folder) == [
        f"DIR/wide.yaml:1:1: error: the file is saved as {shown}; save it as UTF-8 (in most "
        "editors: Save As, Encoding)"]


@posix_only
@pytest.mark.slow
def test_no_command_prints_a_traceback_for_any_listing(folder: Path, tmp_path: Path) -> None:
    """Every broken and hostile listing of the corpus, plus links, a FIFO and odd names in one
    folder, through every command that reads listings."""
    for listing in (ROOT / "tests" / "hostile" / "invalid").glob("*.yaml"):
        shutil.copy(listing, folder)
    (folder / "link.yaml").symlink_to("/etc/passwd")
    os.mkfifo(folder / "fifo.yaml")
    shutil.copy(VALID, folder / "index.yaml")
    shutil.copy(VALID, folder / "Upper.YAML")
    runs = [("validate", folder), ("report", "--providers", folder, "--no-cache"),
            ("build", "--providers", folder, "--site-dir", tmp_path / "site"),
            ("generate", "--providers", folder, "--out", tmp_path / "out")]
    for args in runs:
        result = iopdir(*args, timeout=120)
        assert "Traceback" not in result.stderr + result.stdout, args
        assert result.returncode in (0, 1), (args, result.stderr[-2000:])
        assert "do-not-print-me" not in result.stderr and "root:x:0:0" not in result.stderr


def test_a_disguised_copy_of_a_listing_is_still_a_duplicate(folder: Path) -> None:
    """The review's case: the copy has another phone, its name spelled with Cyrillic letters
    that look Latin, and its website host written with a final dot and capitals."""
    shutil.copy(VALID, folder)
    text = VALID.read_text(encoding="utf-8")
    copy = (text.replace("name: Lanternfish Recovery Collective",
                         "name: L\u0430nternfish Rec\u043every Collective")
            .replace('phone: "(503) 555-0142"', 'phone: "(503) 555-0199"')
            .replace("https://lanternfish-recovery.example.org",
                     "https://Lanternfish-Recovery.example.org."))
    assert copy.count("\u0430") == 1 and "555-0199" in copy and "org." in copy
    (folder / "lanternfish-copy.yaml").write_text(copy, encoding="utf-8")
    result = iopdir("validate", folder)
    assert result.returncode == 1
    found = {(line.split(":")[0].rsplit("/", 1)[-1], line.split(": error: ")[1].split(":")[0])
             for line in errors(result, folder)}
    assert found == {(name, kind) for name in ("lanternfish-copy.yaml",
                                                "lanternfish-recovery-collective.yaml")
                     for kind in ("name", "website")}
