/** JSON pointers (RFC 6901), used for schemas in the bundled documents and fields of replies. */

/** `~` and `/` escaped for use inside a JSON pointer. */
export function escapePointer(part: string): string {
  return part.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The unescaped tokens of a pointer: `/data/a~1b` → `["data", "a/b"]`; `""` → `[]`. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Reads a JSON pointer such as `/data/data` out of a parsed value; undefined where it leads nowhere. */
export function atPointer(value: unknown, pointer: string): unknown {
  if (pointer === "/") return value;
  let current = value;
  for (const key of pointerTokens(pointer)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
