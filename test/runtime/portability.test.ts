/**
 * runtime/ must run in Node, browsers, Deno and Bun: it may use web-standard globals (fetch,
 * AbortSignal, URL, TextEncoder, btoa) but nothing Node-only.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";

const runtimeDir = path.join(repoRoot, "runtime");
const files = fs.readdirSync(runtimeDir).filter((name) => name.endsWith(".ts"));
const NODE_ONLY = [
  /from\s+["']node:/,
  /from\s+["'](fs|path|http|https|net|os|util|crypto|stream|buffer)["']/,
  /\bBuffer\./,
  /\bprocess\./,
  /\brequire\(/,
];

describe("runtime portability", () => {
  it.each(files)("%s uses no Node-only API", (name) => {
    const source = fs.readFileSync(path.join(runtimeDir, name), "utf8");
    expect(NODE_ONLY.filter((pattern) => pattern.test(source)).map(String)).toEqual([]);
  });
});
