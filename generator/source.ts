/**
 * Maps a JSON pointer into a bundled document back to the split YAML file it came from, and the
 * line there, so that a check made on the bundle can still say "file, line, rule".
 *
 * Bundling (generator/bundle.ts) keeps one rule that makes this possible: a component is named
 * after its file (`#/components/schemas/X` is `components/schemas/X.yaml`), and every path item
 * is inlined under `#/paths/<path>` from the file the root's `paths` table points at.
 */
import fs from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { pointerTokens } from "../runtime/pointer.js";
import { relative, type Provider } from "./providers.js";

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

interface ParsedYaml {
  contents: Node | null;
  lines: LineCounter;
}

/** Parsed files by name, with the text they were parsed from: `npm run dev` lives through edits. */
const parsed = new Map<string, ParsedYaml & { text: string }>();

function parse(file: string): ParsedYaml {
  const text = fs.readFileSync(file, "utf8");
  let result = parsed.get(file);
  if (result?.text !== text) {
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines });
    result = { contents: document.contents as Node | null, lines, text };
    parsed.set(file, result);
  }
  return result;
}

/** The file holding a bundled pointer, and the pointer's remaining tokens inside that file. */
function fileOf(provider: Provider, tokens: string[]): { file: string; rest: string[] } {
  const specDir = path.dirname(provider.root);
  const [section, kind, name] = tokens;
  if (section === "components" && kind && name) {
    const file = path.join(specDir, "components", kind, `${name}.yaml`);
    if (fs.existsSync(file)) return { file, rest: tokens.slice(3) };
  }
  if (section === "paths" && kind) {
    const entry = lookup(parse(provider.root).contents, ["paths", kind, "$ref"]);
    if (isScalar(entry.node) && typeof entry.node.value === "string") {
      return { file: path.resolve(specDir, entry.node.value), rest: tokens.slice(2) };
    }
  }
  return { file: provider.root, rest: tokens };
}

/** Walks YAML nodes by keys as far as they go; returns the deepest node reached and its key. */
function lookup(root: Node | null, keys: string[]): { node: Node | null; key: Node | null } {
  let node: Node | null = root;
  let key: Node | null = null;
  for (const token of keys) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === token);
      if (!pair) break;
      key = pair.key as Node;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node) && /^\d+$/.test(token) && node.items[Number(token)]) {
      key = null;
      node = node.items[Number(token)] as Node;
    } else {
      break;
    }
  }
  return { node, key };
}

/** File (relative to the repository) and 1-based line and column of a pointer into the bundle. */
export function locate(provider: Provider, pointer: string): SourceLocation {
  const { file, rest } = fileOf(provider, pointerTokens(pointer));
  if (!fs.existsSync(file)) return { file: relative(file), line: 1, column: 1 };
  const { contents, lines } = parse(file);
  const { node, key } = lookup(contents, rest);
  // The key's position reads better than the value's ("where `anyOf:` is", not the line after).
  const offset = (key ?? node)?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { file: relative(file), line, column: col };
}
