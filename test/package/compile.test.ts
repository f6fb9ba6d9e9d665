/**
 * The library compile (generator/compile.ts, run by compileLibrary in a child process): the same
 * JavaScript and declarations as `tsc -p tsconfig.build.json` writes, nothing of the request-type
 * check's own module, and, on the same program, the request-type check first: an input typed
 * `unknown` is reported with the spec's file and line, ahead of any compile error; a compile
 * error with tsc's file(line,col) and code.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { LintFailure } from "../../generator/findings.js";
import { CompileFailure, compileLibrary } from "../../generator/package.js";
import { providers, repoRoot } from "../../generator/providers.js";
import { useRepoScratch } from "../support/repo-scratch.js";

const smsend = providers.find((p) => p.id === "smsend")!;
const scratch = useRepoScratch("compile-test-");

/** A staged root like the build's: copies of runtime/ and generated/, `edit` applied to one file. */
function stage(name: string, edit?: { file: string; change: (text: string) => string }): string {
  const root = path.join(scratch, name);
  for (const dir of ["runtime", "generated"]) fs.cpSync(path.join(repoRoot, dir), path.join(root, dir), { recursive: true });
  if (edit) {
    const file = path.join(root, edit.file);
    const text = fs.readFileSync(file, "utf8");
    const changed = edit.change(text);
    expect(changed, "the edit changed nothing").not.toBe(text);
    fs.writeFileSync(file, changed);
  }
  return root;
}

/** Every file below `dir`, relative, with its contents. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile()) files[name] = fs.readFileSync(file, "utf8");
  }
  return files;
}

/** sms/send's body typed `unknown`: any value would compile. */
const UNKNOWN_BODY = {
  file: "generated/smsend/schema.d.ts",
  change: (text: string) => text.replace('"application/json": components["schemas"]["SendSmsRequest"];', '"application/json": unknown;'),
};
/** A type error in generated code. */
const TYPE_ERROR = { file: "generated/smsend/index.ts", change: (text: string) => `${text}export const broken: number = "one";\n` };

describe("compileLibrary", () => {
  it("writes what tsc -p tsconfig.build.json writes, without the request-type check's module", async () => {
    const root = stage("same");
    const ours = path.join(scratch, "ours");
    await compileLibrary(root, providers, ours, undefined, providers);
    const theirs = path.join(scratch, "tsc");
    const config = path.join(scratch, "tsconfig.json");
    fs.writeFileSync(
      config,
      JSON.stringify({
        extends: path.join(repoRoot, "tsconfig.build.json"),
        compilerOptions: { rootDir: root, outDir: theirs },
        include: [path.join(root, "runtime"), path.join(root, "generated")],
      }),
    );
    await promisify(execFile)(process.execPath, [path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", config]);
    // compileLibrary also copies each provider's schema.d.ts and bundled document, which tsc does not.
    for (const p of providers)
      for (const name of ["schema.d.ts", "openapi.json"])
        fs.copyFileSync(path.join(root, "generated", p.id, name), path.join(theirs, "generated", p.id, name));
    const written = tree(ours);
    expect(Object.keys(written).filter((name) => name.includes("__request-types__"))).toEqual([]);
    expect(Object.keys(written)).toEqual(Object.keys(tree(theirs)));
    expect(written).toEqual(tree(theirs));
  }, 240_000);

  it("reports a request type that became unknown with the spec's file and line, ahead of a compile error", async () => {
    for (const [name, edits] of [
      ["unknown", [UNKNOWN_BODY]],
      ["unknown-and-broken", [UNKNOWN_BODY, TYPE_ERROR]],
    ] as const) {
      const root = stage(name, edits[0]);
      if (edits[1])
        fs.writeFileSync(path.join(root, edits[1].file), edits[1].change(fs.readFileSync(path.join(root, edits[1].file), "utf8")));
      const error = await compileLibrary(root, providers, path.join(scratch, `${name}-out`), undefined, [smsend]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(LintFailure);
      expect((error as LintFailure).message).toMatch(
        /^specs\/smsend\/\S+\.yaml:\d+:\d+ error generator\/request-type-unknown .*\(sms\/send input\.body\)/m,
      );
      expect((error as LintFailure).message).not.toContain("TS2322");
    }
  }, 240_000);

  it("checks the request types of the providers it is given only", async () => {
    const root = stage("unchecked", UNKNOWN_BODY);
    await expect(compileLibrary(root, providers, path.join(scratch, "unchecked-out"), undefined, [])).resolves.toBeUndefined();
  }, 240_000);

  it("reports a compile error as tsc does: file(line,col), code and message", async () => {
    const root = stage("broken", TYPE_ERROR);
    const error = await compileLibrary(root, providers, path.join(scratch, "broken-out"), undefined, providers).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CompileFailure);
    expect((error as CompileFailure).message).toMatch(
      /^generated\/smsend\/index\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'\./m,
    );
  }, 240_000);
});
