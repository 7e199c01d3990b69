"""No screen calls a service directly: every call into a workspace service (``<...>.workspace.cases.search(...)``)
or into the workspace's own database methods (``lock``, ``change_password``, ``install_content``, …) is written
inside a ``lambda`` handed to the task runner (``.db(``, ``.work(`` or, in the application only, ``.call(``).

The services are read from ``Workspace.__post_init__`` and its methods from the class, by parsing
``app/services/workspace.py``, so a new service is checked without touching this test."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "app" / "ui"
WORKSPACE_MODULE = ROOT / "app" / "services" / "workspace.py"
RUNNER_METHODS = {"db", "work", "call"}
BLOCKING_ALLOWED_IN = {"app/ui/application.py"}  # locking and quitting
# How the screens name the workspace: ``self.workspace``, ``workspace``, ``ws`` and ``self._workspace``.
WORKSPACE_NAMES = {"workspace", "_workspace", "ws"}


@dataclass(frozen=True)
class WorkspaceShape:
    services: frozenset[str]
    methods: frozenset[str]


def workspace_shape(source: str | None = None) -> WorkspaceShape:
    """The service attributes set in ``Workspace.__post_init__`` and the public methods of ``Workspace``."""
    tree = ast.parse(source if source is not None else WORKSPACE_MODULE.read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Workspace")
    services: set[str] = set()
    methods: set[str] = set()
    for node in cls.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        if node.name == "__post_init__":
            for stmt in ast.walk(node):
                if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
                    for target in stmt.targets:
                        if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                                and target.value.id == "self" and not target.attr.startswith("_")):
                            services.add(target.attr)
        elif not node.name.startswith("_") and not any(
                isinstance(d, ast.Name) and d.id in {"property", "staticmethod"} for d in node.decorator_list):
            methods.add(node.name)
    return WorkspaceShape(frozenset(services), frozenset(methods))


def _is_workspace(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id in WORKSPACE_NAMES) or (
        isinstance(node, ast.Attribute) and node.attr in WORKSPACE_NAMES)


def _service_call(call: ast.Call, shape: WorkspaceShape) -> str:
    """``workspace.<service>.<method>`` or ``workspace.<method>`` if ``call`` is one, else ""."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return ""
    owner = func.value
    if isinstance(owner, ast.Attribute) and owner.attr in shape.services and _is_workspace(owner.value):
        return f"workspace.{owner.attr}.{func.attr}"
    if func.attr in shape.methods and _is_workspace(owner):
        return f"workspace.{func.attr}"
    return ""


def offences(source: str, filename: str, shape: WorkspaceShape) -> list[str]:
    """``file:line: what`` for every service call not inside a lambda handed to the runner."""
    tree = ast.parse(source, filename)
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        what = _service_call(node, shape)
        if not what:
            continue
        verdict = _where(node, parents, filename)
        if verdict:
            found.append((node.lineno, f"{filename}:{node.lineno}: {what}(...) {verdict}"))
    return [text for _, text in sorted(found)]


def _where(call: ast.Call, parents: dict[ast.AST, ast.AST], filename: str) -> str:
    """"" if the call sits in a lambda passed to ``.db(``/``.work(``/``.call(`` (``.call(`` only where allowed)."""
    node: ast.AST = call
    blocking_elsewhere = False
    while node in parents:
        parent = parents[node]
        if isinstance(parent, ast.keyword) and parent in parents:  # runner().db(fn=lambda: ...)
            parent = parents[parent]
        if isinstance(node, ast.Lambda) and isinstance(parent, ast.Call) and _is_argument(node, parent):
            func = parent.func
            if isinstance(func, ast.Attribute) and func.attr in RUNNER_METHODS:
                if func.attr != "call" or filename in BLOCKING_ALLOWED_IN:
                    return ""
                blocking_elsewhere = True
        node = parent
    if blocking_elsewhere:
        return "uses runner().call, which blocks the screen and is only for locking and quitting (application.py)"
    return "is called directly; put it in a lambda passed to runner().db(...)"


def _is_argument(node: ast.AST, call: ast.Call) -> bool:
    return node in call.args or any(keyword.value is node for keyword in call.keywords)


def test_the_services_are_read_from_the_workspace():
    shape = workspace_shape()
    assert {"cases", "course", "drafts", "conversations", "plans", "summaries", "network", "network_files",
            "partners"} <= shape.services
    assert {"lock", "change_password", "install_content"} <= shape.methods
    assert "content" not in shape.services and "store" not in shape.services


def test_no_screen_calls_a_service_outside_the_task_runner():
    shape = workspace_shape()
    found: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        found += offences(path.read_text(encoding="utf-8"), relative, shape)
    assert not found, f"{len(found)} direct service call(s):\n" + "\n".join(found)


PLANTED_SHAPE_SOURCE = '''
class Workspace:
    def __post_init__(self):
        ctx = make()
        self._ctx = ctx
        self.cases = CaseService(ctx)
        self.drafts = DraftService(self.store)
    def lock(self): ...
    def _private(self): ...
'''

PLANTED = '''
class Panel:
    def good(self, flt):
        runner().db(lambda: self.workspace.cases.search(flt), owner=self, done=self.show, key="case-search")
        runner().db(fn=lambda: self.workspace.drafts.save("k", "kind", {}), owner=self)
        runner().work(lambda: [self.workspace.cases.export(x) for x in flt])
        tasks.runner().db(lambda: (self.workspace.cases.one(), ws.drafts.discard("k")))
        self.workspace.content.guides()
        self.workspace.cases.default_guide = "x"

    def bad(self, flt):
        self.workspace.cases.search(flt)
        result = workspace.drafts.get("k")
        make = lambda: self.workspace.cases.search(flt)
        runner().db(make)
        runner().db(self.workspace.cases.search(flt))
        helper(lambda: self.ws.cases.remove(1))
        self.workspace.lock()
        runner().call(lambda: self.workspace.lock())
'''


def test_the_check_finds_the_planted_calls_and_spares_the_good_ones():
    shape = workspace_shape(PLANTED_SHAPE_SOURCE)
    assert shape == WorkspaceShape(frozenset({"cases", "drafts"}), frozenset({"lock"}))
    found = offences(PLANTED, "app/ui/planted.py", shape)
    lines = [int(f.split(":")[1]) for f in found]
    bad_start = PLANTED.splitlines().index("    def bad(self, flt):") + 1
    # Every line of ``bad`` but ``runner().db(make)``, which calls no service itself (its lambda, one line up, does).
    assert lines == [bad_start + n for n in (1, 2, 3, 5, 6, 7, 8)], "\n".join(found)
    assert "runner().call" in found[-1]
    assert found[0] == f"app/ui/planted.py:{bad_start + 1}: workspace.cases.search(...) is called directly; " \
                       "put it in a lambda passed to runner().db(...)"
    # The same blocking call is allowed where the application locks and quits.
    assert not [f for f in offences(PLANTED, "app/ui/application.py", shape) if "runner().call" in f]
