#!/usr/bin/env python3
"""Generates a synthetic source tree for timing `audit`: N files, about SIZE bytes in all.

Usage: generate.py DIR [FILES] [TOTAL_BYTES]   (defaults: 100000 files, 1 GiB)

The mix follows a typical service repository: Java, Kotlin, TypeScript, Python, Go, YAML,
JSON, XML, properties and shell, 200 files per folder, with license headers, doc comments and
about one file in ten holding a cleartext endpoint. Deterministic (seeded), so runs compare.
"""
import os
import random
import sys

HEADER = """/*
 * Copyright 2024 ACME Corp.
 * Licensed under the Apache License, Version 2.0; see http://www.apache.org/licenses/LICENSE-2.0
 */
"""
BODIES = {
    "java": "  // computes the {i}th value, see http://docs.acme-corp.com/calc\n"
            "  static int value{i}(int x) {{ return x * {i} + 7; }}\n",
    "kt": "    fun value{i}(x: Int): Int = x * {i} // http://kotlinlang.org/docs\n",
    "ts": "export const value{i} = (x: number): number => x * {i}; // https://acme.dev\n",
    "py": "def value{i}(x):\n    # see http://docs.python.org/3/\n    return x * {i}\n",
    "go": "func value{i}(x int) int {{ return x * {i} }} // http://golang.org/ref/spec\n",
    "yaml": "key{i}:\n  enabled: true\n  timeout: {i}s\n",
    "json": "  \"key{i}\": {{\"enabled\": true, \"weight\": {i}}},\n",
    "xml": "  <entry key=\"k{i}\" xmlns:x=\"http://ns.acme-corp.com/x\">value {i}</entry>\n",
    "properties": "service.key{i}=value-{i}\n",
    "sh": "echo \"step {i}\" # http://wiki.acme-corp.com/steps\n",
}
ENDPOINTS = {
    "java": "  static final String URL = \"http://api.partner{n}.com/v1\";\n",
    "kt": "    val url = \"http://api.partner{n}.com/v1\"\n",
    "ts": "export const url = \"http://api.partner{n}.com/v1\";\n",
    "py": "URL = \"http://api.partner{n}.com/v1\"\n",
    "go": "const url = \"http://api.partner{n}.com/v1\"\n",
    "yaml": "endpoint: http://api.partner{n}.com/v1\n",
    "json": "  \"endpoint\": \"http://api.partner{n}.com/v1\",\n",
    "xml": "  <endpoint>http://api.partner{n}.com/v1</endpoint>\n",
    "properties": "partner.url=http://api.partner{n}.com/v1\n",
    "sh": "curl -s http://api.partner{n}.com/v1\n",
}


def main():
    root = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    total = int(sys.argv[3]) if len(sys.argv) > 3 else 1 << 30
    rng = random.Random(8)
    kinds = list(BODIES)
    average = total // files
    written = 0
    for n in range(files):
        kind = kinds[n % len(kinds)]
        folder = os.path.join(root, "module%03d" % (n // 2000), "pkg%02d" % (n // 200 % 10))
        os.makedirs(folder, exist_ok=True)
        target = rng.randint(average // 2, average * 3 // 2)
        parts = [HEADER if kind in ("java", "kt", "ts", "go") else ""]
        if n % 10 == 0:
            parts.append(ENDPOINTS[kind].format(n=n))
        size = sum(len(p) for p in parts)
        i = 0
        while size < target:
            line = BODIES[kind].format(i=i)
            parts.append(line)
            size += len(line)
            i += 1
        data = "".join(parts)
        with open(os.path.join(folder, "file%06d.%s" % (n, kind)), "w") as f:
            f.write(data)
        written += len(data)
    print("generated %d files, %d bytes in %s" % (files, written, root))


if __name__ == "__main__":
    main()
