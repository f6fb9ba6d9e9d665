import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { providers } from "../../generator/providers.js";
import { locate } from "../../generator/source.js";

describe("locating a bundled pointer in the spec files", () => {
  it("follows edits to a file (npm run dev keeps one process through many builds)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "source-test-"));
    try {
      const provider = { ...providers[0]!, root: path.join(dir, "openapi.yaml") };
      fs.writeFileSync(provider.root, "openapi: 3.1.0\ninfo:\n  title: T\n");
      expect(locate(provider, "/info/title").line).toBe(3);
      fs.writeFileSync(provider.root, "openapi: 3.1.0\n# a comment\ninfo:\n  version: '1'\n  title: T\n");
      expect(locate(provider, "/info/title").line).toBe(5);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
