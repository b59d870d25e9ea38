"""tui/ is built by composition (issue 18): no class inherits from more than one base, so no class is
assembled from mixins that read and write attributes defined in other files."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_no_class_in_tui_has_more_than_one_base():
    offenders = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and len(node.bases) > 1:
                bases = ", ".join(ast.unparse(base) for base in node.bases)
                offenders.append(f"{path.relative_to(ROOT)}: {node.name}({bases})")
    assert offenders == []
