"""Ship data/kb.sqlite inside the wheel as mickb/data/kb.sqlite.

The KB is built into data/ (one committed copy); a checkout or editable install reads it
from there (mickb.kb.paths), an installed package from its own data folder.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithKB(build_py):
    def run(self) -> None:
        super().run()
        kb = Path(__file__).parent / "data" / "kb.sqlite"
        if kb.exists():
            target = Path(self.build_lib) / "mickb" / "data" / "kb.sqlite"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(kb, target)


setup(cmdclass={"build_py": BuildPyWithKB})
