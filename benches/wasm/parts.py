#!/usr/bin/env python3
"""Where the triage wasm's bytes go (issue 14): each part's raw bytes and its bytes
gzipped alone (level 9), from a module built with its names kept. Usage, from the repo:

    cargo build --release --target wasm32-unknown-unknown --no-default-features --features web --lib
    wasm-bindgen --keep-debug --target web --out-dir /tmp/parts target/wasm32-unknown-unknown/release/front_door_triage.wasm
    wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \\
        --enable-reference-types --enable-multivalue --enable-mutable-globals \\
        /tmp/parts/front_door_triage_bg.wasm -o /tmp/parts/named.wasm
    python3 benches/wasm/parts.py /tmp/parts/named.wasm

Gzipped alone, repeated code (serde's readers, one sort per type) costs far less than
code that is all different (views, text), so the gzip column is the one the budget reads.
Standard library only: no package to install.
"""
import re
import sys
import zlib
from collections import defaultdict

# First match wins: a function's part, by its (demangled) name.
PARTS = [
    ("Yew: our views", r"CompStateInner<.*::view|front_door_triage::web::.*(FunctionProvider|Component)"),
    ("serde_json", r"serde_json"),
    ("serde: our derived", r"front_door_triage.*(Deserialize|Serialize|_::<impl serde)"),
    ("serde_core", r"serde"),
    ("Yew runtime", r"^<?yew|implicit_clone"),
    ("ours: web layer", r"front_door_triage::web"),
    ("ours: engine, guidance, flow, record", r"front_door_triage"),
    ("alloc, hashbrown, dlmalloc", r"dlmalloc|hashbrown|alloc::"),
    ("wasm-bindgen, js-sys, web-sys, gloo", r"wasm_bindgen|js_sys|web_sys|gloo"),
    ("sha2", r"sha2"),
    ("core", r"core::|<f64|<str|<char|<usize|<u\d|<i\d|<&"),
]


def leb(b, i):
    value = shift = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def skip_expr(b, i):
    while b[i] != 0x0B:
        i += 1
    return i + 1


def read_module(path):
    """Function bodies with their names, and data segments."""
    b = open(path, "rb").read()
    i, imported, bodies, data, names = 8, 0, [], [], {}
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        end = i + size
        if sid == 2:  # imports: function indices start after the imported functions
            n, j = leb(b, i)
            for _ in range(n):
                for _ in range(2):
                    length, j = leb(b, j)
                    j += length
                kind = b[j]
                j += 1
                if kind == 0:
                    _, j = leb(b, j)
                    imported += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 2:
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                else:
                    j += 2
        elif sid == 10:
            n, j = leb(b, i)
            for _ in range(n):
                length, j = leb(b, j)
                bodies.append(b[j : j + length])
                j += length
        elif sid == 11:
            n, j = leb(b, i)
            for _ in range(n):
                flag, j = leb(b, j)
                if flag == 0:
                    j = skip_expr(b, j)
                elif flag == 2:
                    _, j = leb(b, j)
                    j = skip_expr(b, j)
                length, j = leb(b, j)
                data.append(b[j : j + length])
                j += length
        elif sid == 0:
            length, j = leb(b, i)
            if b[j : j + length] == b"name":
                j += length
                while j < end:
                    sub = b[j]
                    sub_size, j = leb(b, j + 1)
                    if sub == 1:
                        n, k = leb(b, j)
                        for _ in range(n):
                            index, k = leb(b, k)
                            length, k = leb(b, k)
                            names[index] = b[k : k + length].decode("utf8", "replace")
                            k += length
                    j += sub_size
        i = end
    return [(names.get(imported + k, "?"), body) for k, body in enumerate(bodies)], data


def part_of(name):
    for part, pattern in PARTS:
        if re.search(pattern, name):
            return part
    return "other (std, indexmap, float printing, shims)"


def main(path):
    functions, data = read_module(path)
    parts = defaultdict(list)
    for name, body in functions:
        parts[part_of(name)].append(body)
    # The built-in guidance is the one large segment; the rest is text and tables.
    largest = max(data, key=len)
    parts["data: the built-in guidance (its segment)"] = [largest]
    parts["data: everything else (text, field names, tables)"] = [d for d in data if d is not largest]
    rows = []
    for part, chunks in parts.items():
        raw = b"".join(chunks)
        rows.append((len(zlib.compress(raw, 9)), len(raw), part))
    print(f"{'part':52} {'raw KB':>8} {'gzip alone KB':>14}")
    for gz, raw, part in sorted(rows, reverse=True):
        print(f"{part:52} {raw / 1000:8.1f} {gz / 1000:14.1f}")
    every = b"".join(b"".join(c) for c in parts.values())
    print(f"{'all parts together':52} {len(every) / 1000:8.1f} {len(zlib.compress(every, 9)) / 1000:14.1f}")


if __name__ == "__main__":
    main(sys.argv[1])
