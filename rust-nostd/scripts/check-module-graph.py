#!/usr/bin/env python3
"""Checks the module layout of the embedding (crates/embedding/src, one file per module):
  1. error.rs is a leaf: it names no other module of the crate;
  2. the graph of `crate::<module>` references between files has no cycle;
  3. every C function `nsw_<noun>_...` is defined in the file of its noun
     (`nsw_extern_*` in externs.rs, `extern` being a keyword; the two version
     functions in version.rs).
Prints one line per check and "module-graph: N passed, M failed".
Usage: check-module-graph.py [SRC_DIR]
"""
import pathlib
import re
import sys

src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent / "crates/embedding/src")
# lib.rs is the root that declares every module, not one of them.
files = {p.stem: p.read_text() for p in sorted(src.glob("*.rs")) if p.stem != "lib"}
if not files:
    sys.exit(f"no .rs files in {src}: give the embedding's src directory")


def code_of(text):
    """The text without comments, so that prose naming a module is no edge."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//.*", "", text)


def modules_named(code):
    """Modules after `crate::`, including each top-level entry of `crate::{a, b::c}`."""
    named = set(re.findall(r"\bcrate::([a-z_][a-z0-9_]*)\b", code))
    for start in (m.end() for m in re.finditer(r"\bcrate::\{", code)):
        depth, entry, entries = 1, "", []
        for ch in code[start:]:
            depth += (ch == "{") - (ch == "}")
            if depth == 0:
                break
            if ch == "," and depth == 1:
                entries.append(entry)
                entry = ""
            else:
                entry += ch
        entries.append(entry)
        named.update(m.group(0) for m in (re.match(r"\s*[a-z_][a-z0-9_]*", e) for e in entries) if m)
    return {n.strip() for n in named}


graph = {name: sorted(modules_named(code_of(text)) - {name}) for name, text in files.items()}
unknown = sorted({f"{m} (in {name}.rs)" for name, deps in graph.items() for m in deps if m not in files})
if unknown:
    sys.exit(f"`crate::` names modules without a file in {src}: {', '.join(unknown)}")

results = []

results.append(("error.rs depends on no other module", graph.get("error") == [],
                f"it uses {', '.join(graph.get('error') or ['(missing file)'])}: move what it needs into error.rs or the caller"))


def find_cycle():
    """A cycle as a list of modules (first == last), or None; depth-first with colours."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for dep in graph[node]:
            if state.get(dep) == "open":
                return stack[stack.index(dep):] + [dep]
            if dep not in state:
                found = visit(dep)
                if found:
                    return found
        stack.pop()
        state[node] = "done"
        return None

    for node in graph:
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


cycle = find_cycle()
results.append(("the `crate::` graph between modules is acyclic", cycle is None,
                "cycle " + " -> ".join(f"{m}.rs" for m in cycle or []) + ": move the shared item below both"))

# A noun's file; nouns not listed here have a file of their own name.
file_of_noun = {"extern": "externs", "abi": "version", "wasmtime": "version"}
misplaced = []
for name, text in files.items():
    for fn in re.findall(r'extern "C" fn (nsw_[a-z0-9_]+)', code_of(text)):
        noun = fn.split("_")[1]
        home = file_of_noun.get(noun, noun)
        if home != name:
            misplaced.append(f"{fn} is in {name}.rs, not {home}.rs")
results.append(("every nsw_<noun>_* function is in its noun's file", not misplaced, "; ".join(misplaced)))

passed = failed = 0
for what, ok, why in results:
    print(f"ok   {what}" if ok else f"FAIL {what}: {why}")
    passed, failed = passed + ok, failed + (not ok)
print(f"module-graph: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
