import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import writeGenerated, { readGenerated } from "../../generator/write.js";

const dirs: string[] = [];
function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "write-test-"));
  dirs.push(dir);
  return path.join(dir, "generated");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("write step", () => {
  it("replaces each provider folder whole, dropping files the generator no longer makes", () => {
    const out = scratch();
    writeGenerated(out, { a: { "one.ts": "1", "old.ts": "x" } });
    writeGenerated(out, { a: { "one.ts": "2" } });
    expect(readGenerated(out, ["a"])).toEqual({ a: { "one.ts": "2" } });
    // No staging folders are left beside it.
    expect(fs.readdirSync(path.dirname(out))).toEqual(["generated"]);
  });

  it("leaves the previous output untouched when writing fails part way", () => {
    const out = scratch();
    writeGenerated(out, { a: { "one.ts": "1" }, b: { "two.ts": "2" } });
    // A file inside a folder that does not exist makes the write throw after a.one.ts is staged.
    expect(() => writeGenerated(out, { a: { "one.ts": "changed" }, b: { "missing-dir/two.ts": "x" } })).toThrow();
    expect(readGenerated(out, ["a", "b"])).toEqual({ a: { "one.ts": "1" }, b: { "two.ts": "2" } });
    expect(fs.readdirSync(path.dirname(out))).toEqual(["generated"]);
  });
});
