/**
 * test/support/type-check.ts keeps a type-check's result while every file-system question the
 * compiler asked gets the same answer: it must serve that result without compiling anything, and
 * never once something the compiler read or looked for has changed (a file edited, a file added
 * where module resolution looks first).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { compilerOptions } from "../../generator/virtual-program.js";
import { useRepoScratch } from "../support/repo-scratch.js";
import typeCheck from "../support/type-check.js";

const dir = useRepoScratch("type-check-");
const name = `type-check-test-${path.basename(dir)}`;
const record = path.join(dir, "..", "type-checks", `${name}.json`);
afterAll(() => fs.rmSync(record, { force: true }));
/** A check that runs writes a new record (a new file renamed into place); one that stands does not. */
const recordFile = () => fs.statSync(record).ino;

const usage = path.join(dir, "usage.ts");
const virtual = new Map([[usage, 'import { size } from "./lib.js";\nexport const n: number = size;\n']]);
// ES5's library alone: this is about the record, not the DOM's declarations.
const options = { ...compilerOptions, lib: ["lib.es5.d.ts"] };
const check = () => typeCheck(name, { roots: [usage], virtual, options }).map((p) => `line ${p.line}: ${p.message}`);

it("serves a result while every answer is the same, and checks again when one is not", () => {
  fs.writeFileSync(path.join(dir, "lib.d.ts"), "export declare const size: number;\n");
  expect(check()).toEqual([]);
  const first = recordFile();
  expect(check()).toEqual([]);
  expect(recordFile()).toBe(first);

  // An edited file the program read.
  fs.writeFileSync(path.join(dir, "lib.d.ts"), "export declare const size: string;\n");
  expect(check()).toEqual(["line 2: Type 'string' is not assignable to type 'number'."]);
  expect(recordFile()).not.toBe(first);

  // A new file where resolution looks before lib.d.ts: nothing the program read has changed.
  fs.writeFileSync(path.join(dir, "lib.d.ts"), "export declare const size: number;\n");
  expect(check()).toEqual([]);
  const second = recordFile();
  fs.writeFileSync(path.join(dir, "lib.ts"), 'export const size = "large";\n');
  expect(check()).toEqual(["line 2: Type 'string' is not assignable to type 'number'."]);
  expect(recordFile()).not.toBe(second);
});
