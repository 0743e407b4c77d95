"""The package's architecture, kept: no import cycle between its modules, and the
import-linter contracts of setup.cfg (layers, the training domains' independence, a core that
knows no domain; docs/architecture.md, DESIGN.md "Layout and layers")."""

import re
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("capacity_lms", "courses")


def strongly_connected(graph):
    """The import cycles of ``graph``: its strongly connected components of more than one
    module (Tarjan's algorithm, iterative, over direct imports)."""
    modules = sorted(graph.modules)
    edges = {module: sorted(graph.find_modules_directly_imported_by(module)) for module in modules}
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    counter = 0
    for root in modules:
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == module:
                        break
                if len(component) > 1:
                    components.append(frozenset(component))
    return components


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for module in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(module)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.b")
    graph.add_import(importer="a.d", imported="a.b")
    assert strongly_connected(graph) == [frozenset({"a.b", "a.c"})]


def test_no_import_cycle_between_the_packages_modules():
    graph = grimp.build_graph(*PACKAGES, include_external_packages=False)
    cycles = set(strongly_connected(graph))
    assert sorted(map(sorted, cycles)) == [], "import cycles"


def test_the_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(  # noqa: S603  (our own tool, our own config)
        [str(lint_imports), "--config", str(ROOT / "setup.cfg"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_architecture_page_stands_alone_and_names_real_files():
    """docs/architecture.md points outside the repository nowhere, and every file or folder
    of the repository it names in backticks exists (so it follows the code's moves)."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert "../" not in text and "shared/" not in text
    roots = ("capacity_lms/", "courses/", "sandbox/", "tests/", "templates/", "docs/", ".ci/")
    named = {
        path.split("{")[0].rstrip("/")
        for path in re.findall(r"`([A-Za-z_./-]+[^`\s]*)`", text)
        if path.startswith(roots) and "..." not in path and "<" not in path
    }
    assert named, "the page names no file"
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert not missing, f"docs/architecture.md names what does not exist: {missing}"
