"""LibCST codemod commands, installed with the package.

A project lists this package in its own ``.libcst.codemod.yaml``::

    modules:
    - 'heygen2liveavatar.codemods'

and runs ``python -m libcst.tool codemod heygen_to_liveavatar.HeyGenToLiveAvatarCommand PATH``
from anywhere in it. The top-level ``codemods`` package of this repository re-exports the
command, for runs from a checkout of this repository.
"""
