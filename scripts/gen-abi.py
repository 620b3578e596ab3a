#!/usr/bin/env python3
"""Generates the Java and JNI side of the C ABI from rust-nostd/include/nsw.h.

Usage: gen-abi.py HEADER api|ffm|jni OUT_DIR

  api  OUT_DIR/java/dev/nostdwasm/api/abi/{NativeAbi,NswConstants}.java   (sdk-api)
  ffm  OUT_DIR/java/dev/nostdwasm/ffm/FfmDowncalls.java                   (sdk-ffm)
  jni  OUT_DIR/java/dev/nostdwasm/jni/JniNatives.java and
       OUT_DIR/c/nsw_jni_natives.{h,c}                                     (sdk-jni)

Each module's pom runs it in generate-sources (OUT_DIR is its target/generated-sources),
so a C function added to the Rust embedding (cbindgen writes nsw.h) reaches every
provider with a rebuild. The header is cbindgen's output and regular: this reads
#define constants, enums, typedef'd structs and unions, callback typedefs and the
function prototypes, each with the doc comment above it. A C type it cannot map
stops it with a message naming the declaration.

Java mapping (the one NativeAbi's javadoc states): every pointer and function pointer,
size_t, uint64_t and int64_t are long; uint32_t and int32_t are int; uint8_t is byte;
bool is boolean. Layouts are LP64 (linux x86_64 and aarch64 agree); the JNI file
_Static_asserts every constant, size and offset against the header on both.
"""

import pathlib
import re
import sys
import textwrap
from dataclasses import dataclass, field

# C scalar type -> (Java type, size in bytes); the size is also the alignment.
SCALARS = {
    "bool": ("boolean", 1),
    "uint8_t": ("byte", 1),
    "int32_t": ("int", 4),
    "uint32_t": ("int", 4),
    "int64_t": ("long", 8),
    "uint64_t": ("long", 8),
    "size_t": ("long", 8),
}
POINTER_SIZE = 8
UINT64_MAX = 2**64 - 1

# Java type -> (FFM value layout, JNI C type, JNI signature letter)
JAVA = {
    "long": ("JAVA_LONG", "jlong", "J"),
    "int": ("JAVA_INT", "jint", "I"),
    "byte": ("JAVA_BYTE", "jbyte", "B"),
    "boolean": ("JAVA_BOOLEAN", "jboolean", "Z"),
    "void": (None, "void", "V"),
}


class Unmapped(Exception):
    """A declaration the generator does not know how to map."""


@dataclass
class Param:
    ctype: str  # as written in the header, e.g. "const struct nsw_engine_t *"
    name: str   # C name

    @property
    def java_name(self):
        head, *rest = self.name.split("_")
        return head + "".join(part.capitalize() for part in rest)


@dataclass
class Function:
    name: str
    returns: str
    params: list
    doc: list = field(default_factory=list)


@dataclass
class Constant:
    name: str
    value: int
    doc: list = field(default_factory=list)


@dataclass
class Layout:
    name: str       # the typedef name, e.g. nsw_extern_type_t
    size: int
    offsets: list   # (field name, offset, C declaration)


@dataclass
class Header:
    constants: list   # #defines and enum values, in header order
    layouts: list
    callbacks: list   # Function per callback typedef
    functions: list


# ---------------------------------------------------------------- parsing

def doc_lines(comment):
    """The text lines of a /** ... */ comment."""
    body = comment.strip()[3:-2]
    lines = [re.sub(r"^\s*\* ?", "", line).rstrip() for line in body.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def parse_value(name, text):
    """An integer literal, UINT64_MAX, or (UINT64_MAX / N)."""
    m = re.fullmatch(r"\(?\s*(UINT64_MAX|\d+)\s*(?:/\s*(\d+)\s*)?\)?", text.strip())
    if not m:
        raise Unmapped(f"#define {name} {text}: value not understood; teach parse_value in scripts/gen-abi.py")
    value = UINT64_MAX if m.group(1) == "UINT64_MAX" else int(m.group(1))
    return value // int(m.group(2)) if m.group(2) else value


def normalize(ctype):
    return " ".join(ctype.replace("*", " * ").split()).replace("* *", "**")


def is_pointer(ctype, callbacks):
    return "*" in ctype or ctype.strip() in callbacks


def java_type(ctype, callbacks, where):
    ctype = normalize(ctype)
    if is_pointer(ctype, callbacks):
        return "long"
    if ctype == "void":
        return "void"
    bare = ctype.replace("const ", "")
    if bare in SCALARS:
        return SCALARS[bare][0]
    raise Unmapped(f"{where}: C type '{ctype}' has no Java mapping; add it to SCALARS in scripts/gen-abi.py")


def split_decl(decl, where):
    """'const uint8_t *name' -> ('const uint8_t *', 'name')."""
    m = re.fullmatch(r"(.*?[\s*])(\w+)", decl.strip(), re.S)
    if not m:
        raise Unmapped(f"{where}: declaration '{decl.strip()}' not understood")
    return normalize(m.group(1)), m.group(2)


def parse_params(text, where):
    text = " ".join(text.split())
    if text in ("", "void"):
        return []
    return [Param(*split_decl(p, where)) for p in text.split(",")]


def parse_layout(kind, name, body):
    """LP64 layout of a struct or union body."""
    offsets, offset, size, align = [], 0, 0, 1
    for decl in filter(None, (d.strip() for d in body.split(";"))):
        m = re.fullmatch(r"(.*?)\[(\d+)\]", decl)
        count = int(m.group(2)) if m else 1
        ctype, fname = split_decl(m.group(1) if m else decl, f"{kind} {name}.{decl}")
        if "*" in ctype:
            unit = POINTER_SIZE
        elif ctype.replace("const ", "") in SCALARS:
            unit = SCALARS[ctype.replace("const ", "")][1]
        else:
            raise Unmapped(f"{kind} {name}, field {fname}: C type '{ctype}' has no known size; "
                           "add it to SCALARS in scripts/gen-abi.py")
        at = 0 if kind == "union" else (offset + unit - 1) // unit * unit
        offsets.append((fname, at, decl))
        offset = at + unit * count
        size = max(size, offset)
        align = max(align, unit)
    return Layout(name, (size + align - 1) // align * align, offsets)


def parse(text):
    constants, layouts, callbacks, functions = [], [], [], []
    # A declaration, optionally preceded by its doc comment.
    item = re.compile(
        r"(?P<doc>/\*\*(?:(?!\*/).)*\*/\s*)?"
        r"(?:#define (?P<dname>\w+) (?P<dvalue>[^\n]+)"
        r"|enum (?P<ename>\w+)\s*(?:#if[^\n]*\n[^\n]*\n#endif[^\n]*\n)?\s*\{(?P<ebody>[^}]*)\};"
        r"|typedef (?P<lkind>struct|union) (?P<lname>\w+) \{(?P<lbody>[^}]*)\} (?P=lname);"
        r"|typedef struct (?P<oname>\w+) (?P=oname);"
        r"|typedef (?P<cret>[^;()]+?)\(\*(?P<cname>\w+)\)\((?P<cparams>[^)]*)\);"
        r"|(?P<fret>[A-Za-z_][^;(){}#]*?)\b(?P<fname>nsw_\w+)\((?P<fparams>[^)]*)\);)",
        re.S)
    for m in item.finditer(text):
        doc = doc_lines(m.group("doc")) if m.group("doc") else []
        if m.group("dname"):
            name = m.group("dname")
            if name == "NSW_H":
                continue
            constants.append(Constant(name, parse_value(name, m.group("dvalue")), doc))
        elif m.group("ename"):
            entry = re.compile(r"(/\*\*(?:(?!\*/).)*\*/)?\s*(\w+)\s*=\s*(\d+),", re.S)
            for e in entry.finditer(m.group("ebody")):
                constants.append(Constant(e.group(2), int(e.group(3)), doc_lines(e.group(1)) if e.group(1) else []))
        elif m.group("lname"):
            layouts.append(parse_layout(m.group("lkind"), m.group("lname"), m.group("lbody")))
        elif m.group("cname"):
            name = m.group("cname")
            callbacks.append(Function(name, normalize(m.group("cret")), parse_params(m.group("cparams"), name), doc))
        elif m.group("fname"):
            name = m.group("fname")
            functions.append(Function(name, normalize(m.group("fret")), parse_params(m.group("fparams"), name), doc))
    if not functions:
        raise Unmapped("no function prototypes found: is this nsw.h?")
    names = {c.name for c in callbacks}
    for f in callbacks + functions:  # fail now on anything unmapped, naming it
        java_type(f.returns, names, f"{f.name}, return type")
        for p in f.params:
            java_type(p.ctype, names, f"{f.name}, parameter {p.name}")
    return Header(constants, layouts, callbacks, functions)


# ---------------------------------------------------------------- Java

GENERATED = "Generated by scripts/gen-abi.py from rust-nostd/include/nsw.h: do not edit."


def to_javadoc(line):
    """One header comment line as Javadoc: HTML escaped, `code` as {@code code}."""
    # Odd pieces are `code` spans: {@code} shows them verbatim, the rest is HTML.
    pieces = line.split("`")
    for i, piece in enumerate(pieces):
        if i % 2:
            pieces[i] = "{@code " + piece + "}"
        else:
            pieces[i] = piece.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
    return "".join(pieces)


def javadoc(lines, indent, tags=()):
    """A Javadoc comment of header comment lines and then (tag, text) block tags."""
    if not lines and not tags:
        return ""
    pad = " " * indent
    body = "".join(f"{pad} *{' ' if line else ''}{to_javadoc(line)}\n" for line in lines)
    if lines and tags:
        body += f"{pad} *\n"
    for tag, text in tags:  # wrapped at 110 columns, continuation lines indented
        lines = textwrap.wrap(f"{tag} {to_javadoc(text)}", 110 - indent - 3, break_long_words=False)
        body += f"{pad} * {lines[0]}\n" + "".join(f"{pad} *     {line}\n" for line in lines[1:])
    return f"{pad}/**\n{body}{pad} */\n"


# ---------------------------------------------------------------- Javadoc tags
#
# The header documents each function in prose; the tables below give the Java side its @param
# and @return tags. A parameter takes the first of: its (function, parameter) entry, its handle
# type's entry, the rule for out-handles, its name's entry, the rule for lengths. A parameter,
# return value or function that nothing describes stops the generator, so a new C function
# cannot arrive undocumented.

# What a handle parameter is, by its type nsw_<key>_t.
HANDLES = {
    "context": "the store context to work in: `nsw_store_context` of the store, or the `caller` a host callback received",
    "engine": "the engine",
    "error": "the error, an `nsw_error_t*` that a call returned",
    "instance": "the instance",
    "instance_pre": "the resolved module, from `nsw_linker_instantiate_pre`",
    "linker": "the linker",
    "module": "the module",
    "store": "the store",
}

# Parameters whose meaning their name gives, whatever the function.
PARAMS = {
    "ext": "the extern: a function, global, memory, table or tag handle",
    "func": "the function's extern handle",
    "global": "the global's extern handle",
    "memory": "the memory's extern handle",
    "table": "the table's extern handle",
    "name": "address of the name's UTF-8 bytes (not NUL-terminated)",
    "module": "address of the module name's UTF-8 bytes (not NUL-terminated)",
    "message": "address of the message's UTF-8 bytes (not NUL-terminated)",
    "artifact": "address of the artifact's bytes (an enveloped artifact)",
    "cwasm": "address of the bytes of a plain Wasmtime `.cwasm`",
    "params": "address of the parameter types, one NSW_VAL_* byte each",
    "results": "address of the result types, one NSW_VAL_* byte each",
    "slots": "address of the `nsw_val_raw_t` slots: parameters on entry, results on return",
    "slots_len": "the number of slots at `slots`, at least max(parameters, results)",
    "callback": "address of the `nsw_host_callback_t` that runs the function",
    "env": "what `callback` and `finalizer` receive as `env`; the C side never reads it",
    "finalizer": "address of the `nsw_finalizer_t` called once with `env` when the function is dropped",
    "ref_id": "a live ref id of the context's store",
    "host_id": "the embedder's id of the host value to wrap",
    "index": "the index, from 0",
    "delta": "how many to add: pages for a memory, elements for a table",
    "value": "address of the one `nsw_val_raw_t` slot that holds the value",
    "init": "address of the one `nsw_val_raw_t` slot that holds the initial element (a ref id; 0 for null)",
    "content": "the value type (NSW_VAL_*)",
    "element": "the element type: NSW_VAL_FUNCREF or NSW_VAL_EXTERNREF",
    "is_mutable": "whether wasm and the host may set the global",
    "minimum": "the initial size: 64 KiB pages for a memory, elements for a table",
    "has_maximum": "whether `maximum` applies",
    "maximum": "the largest size it may grow to, in the unit of `minimum`; ignored without `has_maximum`",
    "profile": "the profile: NSW_PROFILE_NATIVE, NSW_PROFILE_NATIVE_SIGNALS or NSW_PROFILE_PULLEY",
    "fuel": "whether the engine meters fuel",
    "epoch": "whether the engine checks epoch deadlines",
    "max_wasm_stack": "the wasm stack limit in bytes; 0 for Wasmtime's default (512 KiB)",
    "ticks": "how many increments of the engine's epoch from now; at most NSW_MAX_EPOCH_TICKS",
    "allow": "whether later definitions may replace earlier ones of the same name",
    "memory_bytes": "the cap on the bytes of all the store's memories together; negative for none",
    "table_elements": "the cap on the elements of all the store's tables together; negative for none",
    "instances": "the cap on the number of instances; negative for none",
    "tables": "the cap on the number of tables; negative for none",
    "memories": "the cap on the number of memories; negative for none",
    "references": "the cap on the ref ids held at once; negative for none",
    "out_fuel": "where the fuel left is written (`uint64_t`)",
    "out_key": "where the key is written (`uint64_t`)",
    "out_ref_id": "where the new ref id is written (`uint64_t`)",
    "out_host_id": "where the host value id or NSW_HOST_ID_NONE is written (`uint64_t`)",
    "out_profile": "where the profile (NSW_PROFILE_*) is written (`uint32_t`)",
    "out_target": "where the target (0 x86_64, 1 aarch64, 2 pulley64) is written (`uint32_t`)",
    "out_epoch": "where the epoch switch is written (`bool`)",
    "out_ptr": "where the address of the UTF-8 bytes is written (`const uint8_t*`)",
    "out_len": "where their length in bytes is written (`size_t`)",
    "out_code": "where the trap code is written when the error is a trap (`uint32_t`)",
    "out_func_index": "where the function index is written (`uint32_t`), or 0 to skip it",
    "out_offset": "where the instruction offset or `UINT64_MAX` is written (`uint64_t`), or 0 to skip it",
    "out_module": "where the address of the module name's UTF-8 bytes is written (`const uint8_t*`)",
    "out_module_len": "where the module name's length in bytes is written (`size_t`)",
    "out_name": "where the address of the name's UTF-8 bytes is written (`const uint8_t*`)",
    "out_name_len": "where the name's length in bytes is written (`size_t`)",
    "out_type": "address of the `nsw_extern_type_t` to fill in",
    "out_value": "address of the one `nsw_val_raw_t` slot the value is written to",
    "out_base": "where the memory's base address is written (`uint8_t*`)",
    "out_size": "where the size is written: bytes for a memory (`size_t`), elements for a table (`uint64_t`)",
    "out_pages": "where the size in 64 KiB pages is written (`uint64_t`)",
    "out_previous": "where the size before growing is written (`uint64_t`): pages for a memory, elements for a table",
}

# Parameters whose meaning depends on the function.
FUNCTION_PARAMS = {
    ("nsw_context_fuel_set", "fuel"): "the fuel the store has left from now on",
    ("nsw_engine_settings", "out_fuel"): "where the fuel switch is written (`bool`)",
    ("nsw_linker_define_instance", "name"): "address of the module name's UTF-8 bytes (not NUL-terminated)",
    ("nsw_error_frame", "out_name"):
        "where the address of the function name's UTF-8 bytes, or 0 when it has none, is written; or 0 to skip it",
    ("nsw_error_frame", "out_name_len"): "where the name's length in bytes is written (`size_t`), or 0 to skip it",
    ("nsw_exception_tag", "out_tag"): "where the tag's new extern handle is written (`nsw_extern_t*`)",
    ("nsw_exception_payload", "slots"): "address of the `nsw_val_raw_t` slots the payload is written to",
    ("nsw_exception_payload", "slots_len"): "the number of slots at `slots`: the number of the tag's parameters",
}

# What each function that does not return an error returns.
RETURNS = {
    "nsw_context_store_id": "the store's id, or 0 for an invalid handle",
    "nsw_context_ref_release": "true when the ref id was live and is now released, false otherwise",
    "nsw_error_kind": "the kind, an NSW_ERROR_* value; 0 for a null error",
    "nsw_error_trap_code": "true when the error is a trap (and the code was written), false otherwise",
    "nsw_error_frame_count": "the number of wasm frames; 0 for a null error or when there is no backtrace",
    "nsw_error_frame": "true when the frame was read, false for a null error or an index out of range",
    "nsw_module_import_count": "the number of imports; 0 for an invalid handle",
    "nsw_module_export_count": "the number of exports; 0 for an invalid handle",
    "nsw_store_context": "the address of the store's context, valid until the store is deleted; 0 for an invalid handle",
    "nsw_abi_version": "the library's NSW_ABI_VERSION",
}
ERROR_RETURN = "0 on success; otherwise the `nsw_error_t*` of the failure, which the caller frees with `nsw_error_delete`"

# The description of the functions that the header leaves without one.
UNDOCUMENTED = {
    "nsw_extern_delete": "Frees an extern handle; the object it refers to lives as long as its store.",
    "nsw_linker_new": "Creates an empty linker for the engine's modules.",
    "nsw_linker_delete": "Frees a linker.",
    "nsw_module_delete": "Frees a module handle.",
    "nsw_store_delete": "Frees a store with everything it owns: its instances and the externs made in it.",
}


def function_doc(f):
    if f.doc:
        return f.doc
    if f.name not in UNDOCUMENTED:
        raise Unmapped(f"{f.name} has no doc comment in the header; document it there or in UNDOCUMENTED in scripts/gen-abi.py")
    return [UNDOCUMENTED[f.name]]


def param_doc(f, p, previous):
    if (f.name, p.name) in FUNCTION_PARAMS:
        return FUNCTION_PARAMS[f.name, p.name]
    handle = re.fullmatch(r"(?:const )?struct nsw_(\w+)_t (\*+)", p.ctype)
    if handle and handle.group(2) == "*" and handle.group(1) in HANDLES:
        return HANDLES[handle.group(1)]
    if handle and p.name == "out" and handle.group(2) == "**":
        kind = handle.group(1)
        return f"where the new `nsw_{kind}_t*` is written on success; the caller frees it with `nsw_{kind}_delete`"
    if p.name in PARAMS:
        return PARAMS[p.name]
    if p.name.endswith("_len") and previous and previous.name == p.name[:-4]:
        return f"the number of bytes at `{previous.name}`"
    raise Unmapped(f"{f.name}, parameter {p.name}: no description; add it to PARAMS or FUNCTION_PARAMS in scripts/gen-abi.py")


def function_tags(f, callbacks):
    """The @param and @return tags of a NativeAbi method."""
    tags = [("@param " + p.java_name, param_doc(f, p, f.params[i - 1] if i else None)) for i, p in enumerate(f.params)]
    if f.returns == "struct nsw_error_t *":
        tags.append(("@return", ERROR_RETURN))
    elif java_type(f.returns, callbacks, f.name) != "void":
        if f.name not in RETURNS:
            raise Unmapped(f"{f.name}: no description of its return value; add it to RETURNS in scripts/gen-abi.py")
        tags.append(("@return", RETURNS[f.name]))
    return tags


def java_signature(f, callbacks):
    params = ", ".join(f"{java_type(p.ctype, callbacks, f.name)} {p.java_name}" for p in f.params)
    return f"{java_type(f.returns, callbacks, f.name)} {f.name}({params})"


def constant_names(header):
    """(Java name, value, doc) of every constant, size and offset."""
    rows = [(c.name, c.value, c.doc) for c in header.constants]
    for layout in header.layouts:
        upper = layout.name.upper()
        rows.append((f"SIZEOF_{upper}", layout.size, [f"`sizeof({layout.name})`"]))
        for fname, offset, decl in layout.offsets:
            rows.append((f"OFFSETOF_{upper}_{fname.upper()}", offset, [f"`offsetof({layout.name}, {fname})`: `{decl}`"]))
    return rows


def java_literal(value):
    if value <= 0x7FFF_FFFF:
        return "int", str(value)
    return "long", f"0x{value:X}L"


def gen_constants(header):
    out = [f"// {GENERATED}\npackage dev.nostdwasm.api.abi;\n\n",
           "/**\n * Every constant of the C ABI ({@code rust-nostd/include/nsw.h}): its {@code #define}s, enum\n"
           " * values, and the size and field offsets of each struct and union (LP64). Values above\n"
           " * {@code Long.MAX_VALUE} (C {@code uint64_t}) are their two's-complement {@code long}.\n */\n",
           "public final class NswConstants {\n\n"]
    for name, value, doc in constant_names(header):
        jtype, literal = java_literal(value)
        out.append(javadoc(doc or [f"`{name}`"], 4))
        out.append(f"    public static final {jtype} {name} = {literal};\n\n")
    out.append("    private NswConstants() {\n    }\n}\n")
    return "".join(out)


def gen_native_abi(header):
    callbacks = {c.name for c in header.callbacks}
    out = [f"// {GENERATED}\npackage dev.nostdwasm.api.abi;\n\n",
           "/**\n"
           " * The C ABI of the embedding ({@code rust-nostd/include/nsw.h}) as a provider reaches it: one\n"
           " * method per C function, with the C name and parameter order. A provider (FFM downcalls, JNI\n"
           " * glue) implements only this; the object model that users see is built once over it (in\n"
           " * {@code dev.nostdwasm.api.runtime}), so every provider behaves the same.\n"
           " *\n"
           " * <p>Mapping, the same for every method: a pointer (handle, out-pointer, byte array, function) is\n"
           " * its address as a {@code long}; {@code size_t}, {@code uint64_t} and {@code int64_t} are\n"
           " * {@code long}; {@code uint32_t} and {@code int32_t} are {@code int}; {@code uint8_t} is\n"
           " * {@code byte}; {@code bool} is {@code boolean}; a returned {@code nsw_error_t*} is a\n"
           " * {@code long} (0 on success). Out-pointers and input bytes live in direct buffers whose\n"
           " * address {@link #address} gives; callers keep those buffers reachable until the call returns.\n"
           " * Methods never throw for a failed C call (they return the error); they do not validate\n"
           " * arguments beyond what C does (the embedding validates every handle).\n"
           " *\n"
           " * <p>Generated from the header by {@code scripts/gen-abi.py}, as are the providers' sides.\n"
           " */\n"
           "public interface NativeAbi extends NativeGlue {\n"]
    for f in header.functions:
        out.append("\n" + javadoc(function_doc(f), 4, function_tags(f, callbacks)))
        out.append(f"    {java_signature(f, callbacks)};\n")
    out.append("}\n")
    return "".join(out)


def ffm_descriptor(f, callbacks):
    layouts = [JAVA[java_type(p.ctype, callbacks, f.name)][0] for p in f.params]
    ret = java_type(f.returns, callbacks, f.name)
    if ret == "void":
        return f"FunctionDescriptor.ofVoid({', '.join(layouts)})"
    return f"FunctionDescriptor.of({', '.join([JAVA[ret][0]] + layouts)})"


def gen_ffm(header):
    callbacks = {c.name for c in header.callbacks}
    out = [f"// {GENERATED}\npackage dev.nostdwasm.ffm;\n\n",
           "import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;\n"
           "import static java.lang.foreign.ValueLayout.JAVA_BYTE;\n"
           "import static java.lang.foreign.ValueLayout.JAVA_INT;\n"
           "import static java.lang.foreign.ValueLayout.JAVA_LONG;\n\n"
           "import dev.nostdwasm.api.abi.NativeAbi;\n"
           "import java.lang.foreign.FunctionDescriptor;\n"
           "import java.lang.invoke.MethodHandle;\n"
           "import java.util.List;\n\n",
           "/**\n"
           " * The C functions of {@link NativeAbi} as FFM downcalls. Every pointer crosses as\n"
           " * {@code JAVA_LONG}, which the LP64 calling conventions of linux x86_64 and aarch64 pass exactly\n"
           " * like a pointer, so a call boxes nothing and makes no {@code MemorySegment}. The handles are\n"
           " * {@code static final} fields of {@link Handles}, which the JIT treats as constants; they are\n"
           " * made by {@link FfmAbi#downcall} when {@link Handles} is initialised.\n"
           " */\n"
           "abstract class FfmDowncalls implements NativeAbi {\n\n"
           "    /** The C functions, in header order. */\n"
           "    static final List<String> FUNCTIONS = List.of(\n"]
    out.append(",\n".join(f"            \"{f.name}\"" for f in header.functions) + ");\n")
    for c in header.callbacks:
        out.append(f"\n    /** The descriptor of C callback type {{@code {c.name}}}, pointers as {{@code JAVA_LONG}}. */\n")
        out.append(f"    static final FunctionDescriptor {c.name.upper()} = {ffm_descriptor(c, callbacks)};\n")
    out.append("\n    /** One downcall handle per C function. */\n    static final class Handles {\n")
    for f in header.functions:
        out.append(f"        static final MethodHandle {f.name} =\n"
                   f"                FfmAbi.downcall(\"{f.name}\", {ffm_descriptor(f, callbacks)});\n")
    out.append("\n        private Handles() {\n        }\n    }\n")
    for f in header.functions:
        ret = java_type(f.returns, callbacks, f.name)
        args = ", ".join(p.java_name for p in f.params)
        call = f"Handles.{f.name}.invokeExact({args})"
        call = f"{call};" if ret == "void" else f"return ({ret}) {call};"
        out.append(f"\n    @Override\n    public final {java_signature(f, callbacks)} {{\n"
                   f"        try {{\n            {call}\n        }} catch (Throwable t) {{\n"
                   f"            throw unexpected(t);\n        }}\n    }}\n")
    out.append("\n    /** Downcalls throw nothing checked: rethrows what can arrive as it is. */\n"
               "    static RuntimeException unexpected(Throwable t) {\n"
               "        if (t instanceof RuntimeException e) {\n            throw e;\n        }\n"
               "        if (t instanceof Error e) {\n            throw e;\n        }\n"
               "        throw new AssertionError(\"a downcall threw a checked exception\", t);\n    }\n}\n")
    return "".join(out)


# ---------------------------------------------------------------- JNI

JNI_CLASS = "dev/nostdwasm/jni/JniNatives"


def gen_jni_java(header):
    callbacks = {c.name for c in header.callbacks}
    out = [f"// {GENERATED}\npackage dev.nostdwasm.jni;\n\n",
           "import dev.nostdwasm.api.abi.NativeAbi;\n\n",
           "/**\n"
           " * The C functions of {@link NativeAbi} as JNI natives: {@code JNI_OnLoad} of the glue\n"
           " * registers each on this class, with the wrapper {@code nsw_jni_natives.c} that turns its\n"
           " * {@code long}s into pointers and calls the embedding's function.\n"
           " */\n"
           "abstract class JniNatives implements NativeAbi {\n"]
    for f in header.functions:
        out.append(f"\n    @Override\n    public final native {java_signature(f, callbacks)};\n")
    out.append("}\n")
    return "".join(out)


def jni_signature(f, callbacks):
    letters = "".join(JAVA[java_type(p.ctype, callbacks, f.name)][2] for p in f.params)
    return f"({letters}){JAVA[java_type(f.returns, callbacks, f.name)][2]}"


def jni_argument(p, callbacks):
    """The C expression for JNI parameter p, cast to its header type."""
    if is_pointer(p.ctype, callbacks):
        return f"PTR({p.ctype}, {p.name})"
    if p.ctype == "bool":
        return f"{p.name} != JNI_FALSE"
    return f"({p.ctype}){p.name}"


def gen_jni_h(header):
    names = " ".join(f"X({f.name})" for f in header.functions)
    return (f"/* {GENERATED}\n *\n"
            " * The table of the embedding's functions (filled by init() in nsw_jni.c with dlsym) and\n"
            " * the JNI natives of dev.nostdwasm.jni.JniNatives that call through it. */\n"
            "#ifndef NSW_JNI_NATIVES_H\n#define NSW_JNI_NATIVES_H\n\n"
            "#include <jni.h>\n\n#include \"nsw.h\"\n\n"
            "/* Every C function of nsw.h: X(name) for each. */\n"
            f"#define NSW_FUNCTIONS(X) {names}\n\n"
            "/* One pointer per function, typed with __typeof__ of its prototype: the compiler\n"
            " * checks every call against the header. */\n"
            "#define NSW_FIELD(name) __typeof__(name) *name;\n"
            "struct nsw_table {\n  NSW_FUNCTIONS(NSW_FIELD)\n};\n#undef NSW_FIELD\n\n"
            "extern struct nsw_table nsw;\n\n"
            f"#define NSW_NATIVES_CLASS \"{JNI_CLASS}\"\n"
            "extern const JNINativeMethod nsw_natives[];\n"
            "extern const jint nsw_natives_count;\n\n"
            "#endif /* NSW_JNI_NATIVES_H */\n")


def gen_jni_c(header):
    callbacks = {c.name for c in header.callbacks}
    out = [f"/* {GENERATED}\n *\n"
           " * One JNI native per C function of nsw.h. The natives only translate: jlong <-> pointer,\n"
           " * size_t, uint64_t, int64_t; jint <-> uint32_t, int32_t; jbyte <-> uint8_t; jboolean <-> bool.\n"
           " * Handles are not validated here; the embedding validates them. */\n"
           "#include <stddef.h>\n#include <stdint.h>\n\n#include \"nsw_jni_natives.h\"\n\n"
           "struct nsw_table nsw;\n\n"
           "/* jlong <-> pointer, through intptr_t so that no width is assumed. */\n"
           "#define PTR(type, j) ((type)(intptr_t)(j))\n#define JPTR(p) ((jlong)(intptr_t)(p))\n\n"
           "/* What the generator computed, checked against the header by the compiler. */\n"]
    for c in header.constants:
        out.append(f"_Static_assert({c.name} == {c.value}ULL, \"{c.name}\");\n")
    for layout in header.layouts:
        out.append(f"_Static_assert(sizeof({layout.name}) == {layout.size}, \"sizeof({layout.name})\");\n")
        for fname, offset, _ in layout.offsets:
            out.append(f"_Static_assert(offsetof({layout.name}, {fname}) == {offset}, "
                       f"\"offsetof({layout.name}, {fname})\");\n")
    for f in header.functions:
        ret = java_type(f.returns, callbacks, f.name)
        jret = JAVA[ret][1]
        params = "".join(f", {JAVA[java_type(p.ctype, callbacks, f.name)][1]} {p.name}" for p in f.params)
        call = f"nsw.{f.name}({', '.join(jni_argument(p, callbacks) for p in f.params)})"
        if ret == "void":
            body = f"{call};"
        elif ret == "boolean":
            body = f"return {call} ? JNI_TRUE : JNI_FALSE;"
        elif is_pointer(f.returns, callbacks):
            body = f"return JPTR({call});"
        else:
            body = f"return ({jret}){call};"
        out.append(f"\nstatic {jret} JNICALL j_{f.name}(JNIEnv *jenv, jobject self{params}) {{\n"
                   f"  (void)jenv, (void)self;\n  {body}\n}}\n")
    out.append("\n/* Java signatures: J long, I int, B byte, Z boolean, V void. A mismatch with JniNatives\n"
               " * fails RegisterNatives, hence System.load, with NoSuchMethodError. */\n"
               "const JNINativeMethod nsw_natives[] = {\n")
    for f in header.functions:
        out.append(f"    {{\"{f.name}\", \"{jni_signature(f, callbacks)}\", (void *)j_{f.name}}},\n")
    out.append("};\n\nconst jint nsw_natives_count = sizeof nsw_natives / sizeof nsw_natives[0];\n")
    return "".join(out)


# ---------------------------------------------------------------- main

def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:  # unchanged files keep their time stamp
        path.write_text(text)


def main(argv):
    if len(argv) != 4 or argv[2] not in ("api", "ffm", "jni"):
        sys.exit(__doc__)
    header_path, target, out = pathlib.Path(argv[1]), argv[2], pathlib.Path(argv[3])
    try:
        header = parse(header_path.read_text())
    except Unmapped as e:
        sys.exit(f"gen-abi.py: {header_path}: {e}")
    java = out / "java" / "dev" / "nostdwasm"
    if target == "api":
        write(java / "api" / "abi" / "NativeAbi.java", gen_native_abi(header))
        write(java / "api" / "abi" / "NswConstants.java", gen_constants(header))
    elif target == "ffm":
        write(java / "ffm" / "FfmDowncalls.java", gen_ffm(header))
    else:
        write(java / "jni" / "JniNatives.java", gen_jni_java(header))
        write(out / "c" / "nsw_jni_natives.h", gen_jni_h(header))
        write(out / "c" / "nsw_jni_natives.c", gen_jni_c(header))


if __name__ == "__main__":
    main(sys.argv)
