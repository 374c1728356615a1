"""LibCST codemod commands for ``python -m libcst.tool codemod`` from a checkout of this repository.

``.libcst.codemod.yaml`` lists this package; its modules re-export the commands of
``heygen2liveavatar.codemods``, which is installed with the package (list that one in your
own project's ``.libcst.codemod.yaml``).
"""
