"""Compiled copies of the pipeline's busiest modules: the same Python source, compiled by Cython to C.

A build does about a tenth fewer instructions per document this way (BENCHMARKS.md), with identical output:
Cython compiles the source as it stands, with its annotations read as hints only, so nothing else changes.
Two things differ and are handled in the source: a closure called from a lambda or a generator forms a reference
cycle with its enclosing scope (so the modules use module functions instead), and a dict literal gets a larger
table (extract.compact_dict for the rows a build keeps). `python -m data_pipeline compile`
(run by `make setup`, where a C compiler is at hand) writes them to data_pipeline/_compiled/, each named after
the hash of the source it was compiled from. `use_compiled_copies` (called when data_pipeline is imported) has
Python import such a copy in place of the .py only while that source is unchanged: an edited module runs as
plain Python until it is compiled again. Without a compiler, or with PLEDGES_PURE_PYTHON=1, everything runs as
plain Python.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

from data_pipeline.paths import PACKAGE_DIR

PACKAGE = "data_pipeline"
COMPILED_DIR = PACKAGE_DIR / "_compiled"
# The modules a build spends its time in, per document or per mention. Not the glue (build, tables), nor the
# lexicon (read once), nor paths, which finds the repository from its own __file__.
COMPILED_MODULES = ("extract", "numbers", "documents", "agreements", "extraction_cache", "reconcile")
# Annotations are hints, as in Python: with Cython's default, "x: dict = defaultdict(set)" fails its type check.
CYTHON_DIRECTIVES = {"language_level": 3, "annotation_typing": False, "binding": True}
PURE_PYTHON_VARIABLE = "PLEDGES_PURE_PYTHON"
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]  # ".cpython-311-x86_64-linux-gnu.so": this Python's ABI


def source_hash(source: bytes) -> str:
    """What a compiled copy is named after: its source and the directives it was compiled with."""
    return hashlib.sha256(repr(sorted(CYTHON_DIRECTIVES.items())).encode() + b"\0" + source).hexdigest()[:20]


def compiled_path(module: str, source: bytes) -> Path:
    return COMPILED_DIR / f"{module}-{source_hash(source)}{SUFFIX}"


def current_copy(module: str) -> Path | None:
    """The compiled copy of data_pipeline.<module> made from its source as it is now, if there is one."""
    try:
        path = compiled_path(module, (PACKAGE_DIR / f"{module}.py").read_bytes())
    except OSError:
        return None
    return path if path.is_file() else None


class _CompiledCopyFinder(importlib.abc.MetaPathFinder):
    """Finds data_pipeline.<module> in its compiled copy; None (the ordinary .py) when there is no current one."""

    def find_spec(self, fullname, path=None, target=None):
        package, _, module = fullname.rpartition(".")
        if package != PACKAGE or module not in COMPILED_MODULES:
            return None
        copy = current_copy(module)
        if copy is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(copy))
        return importlib.util.spec_from_file_location(fullname, str(copy), loader=loader)


def use_compiled_copies() -> None:
    """Put the finder before Python's own (once), unless PLEDGES_PURE_PYTHON is set."""
    if os.environ.get(PURE_PYTHON_VARIABLE):
        return
    if not any(isinstance(finder, _CompiledCopyFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _CompiledCopyFinder())


def compiled_modules_in_use() -> dict[str, bool]:
    """Module name -> whether the imported module is its compiled copy."""
    return {
        module: Path(getattr(sys.modules.get(f"{PACKAGE}.{module}"), "__file__", "") or "").suffix == ".so"
        for module in COMPILED_MODULES
    }


def compile_modules(modules: tuple[str, ...] = COMPILED_MODULES, jobs: int | None = None) -> list[Path]:
    """Compile every module without a current copy; remove copies of older sources. Returns the copies made."""
    from Cython.Build import cythonize  # only here: Cython is needed to compile, not to run
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    COMPILED_DIR.mkdir(exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        package_dir = work_dir / "src" / PACKAGE
        package_dir.mkdir(parents=True)
        (package_dir / "__init__.py").write_bytes(b"")  # so Cython names each module data_pipeline.<module>
        pending = {}
        for module in modules:
            # The bytes read once, hashed and compiled: an edit made meanwhile cannot get the old name.
            source = (PACKAGE_DIR / f"{module}.py").read_bytes()
            target = compiled_path(module, source)
            if not target.is_file():
                (package_dir / f"{module}.py").write_bytes(source)
                pending[module] = target
        if pending:
            extensions = [
                Extension(f"{PACKAGE}.{module}", [str(package_dir / f"{module}.py")], extra_compile_args=["-w"])
                for module in pending
            ]
            distribution = Distribution(
                {
                    "ext_modules": cythonize(
                        extensions, compiler_directives=CYTHON_DIRECTIVES, build_dir=str(work_dir / "c"), quiet=True
                    )
                }
            )
            command = build_ext(distribution)
            command.build_lib = str(work_dir / "lib")
            command.build_temp = str(work_dir / "tmp")
            command.parallel = jobs or os.cpu_count() or 1
            command.ensure_finalized()
            command.run()
            for module, target in pending.items():
                built = Path(command.get_ext_fullpath(f"{PACKAGE}.{module}"))
                partial = target.with_name(target.name + ".partial")
                shutil.copyfile(built, partial)
                os.replace(partial, target)  # never a half-written copy under the name the finder looks for
                made.append(target)
    _remove_stale_copies(modules)
    return made


def _remove_stale_copies(modules: tuple[str, ...]) -> None:
    current = {current_copy(module) for module in modules}
    for path in COMPILED_DIR.glob(f"*{SUFFIX}"):
        if path not in current and path.name.split("-")[0] in modules:
            path.unlink()
