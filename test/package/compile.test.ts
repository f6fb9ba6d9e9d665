/**
 * The library compile (generator/compile.ts, run by compileLibrary in a child process): the same
 * JavaScript and declarations as `tsc -p tsconfig.build.json` writes, nothing of the request-type
 * check's own module, and, on the same program, the request-type check first: an input typed
 * `unknown` is reported with the spec's file and line, ahead of any compile error; a compile
 * error with tsc's file(line,col) and code.
 *
 * Only the comparison with tsc reads both providers: it compares the repository's dist/lib, which
 * the global setup's build made with compileLibrary, with one real tsc. The other cases are about
 * smSend alone, so they compile runtime/ and generated/smsend only (the runtime imports nothing
 * generated), not ClickSend's schema besides.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { inputHashes, isCurrent, outputsOf, readRecord } from "../../generator/fingerprint.js";
import { LintFailure } from "../../generator/findings.js";
import { CompileFailure, compileLibrary } from "../../generator/package.js";
import { providers, repoRoot } from "../../generator/providers.js";
import { useRepoScratch } from "../support/repo-scratch.js";

const smsend = providers.find((p) => p.id === "smsend")!;
const scratch = useRepoScratch("compile-test-");

/** A staged root like the build's, smSend's half only: copies of runtime/ and generated/smsend, `edits` applied. */
function stage(name: string, edits: { file: string; change: (text: string) => string }[] = []): string {
  const root = path.join(scratch, name);
  for (const dir of ["runtime", "generated/smsend"]) fs.cpSync(path.join(repoRoot, dir), path.join(root, dir), { recursive: true });
  for (const edit of edits) {
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

/** compileLibrary's error, or undefined when it compiled. */
function compileError(root: string, out: string, checked: typeof providers): Promise<unknown> {
  return compileLibrary(root, [smsend], path.join(scratch, out), undefined, checked).then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** sms/send's body typed `unknown`: any value would compile. */
const UNKNOWN_BODY = {
  file: "generated/smsend/schema.d.ts",
  change: (text: string) => text.replace('"application/json": components["schemas"]["SendSmsRequest"];', '"application/json": unknown;'),
};
/** A type error in generated code. */
const TYPE_ERROR = { file: "generated/smsend/index.ts", change: (text: string) => `${text}export const broken: number = "one";\n` };

describe("compileLibrary", () => {
  /** Both mistakes at once: one staged root serves the checked and the unchecked compile. */
  let both: string;
  beforeAll(() => {
    both = stage("both", [UNKNOWN_BODY, TYPE_ERROR]);
  });

  it("writes what tsc -p tsconfig.build.json writes", async () => {
    // dist/lib is what the build's compileLibrary wrote (from a staging folder under .tmp/build,
    // incrementally); the record shows it is current for today's generated/, tsconfig and
    // toolchain. The output holds no paths (no source maps; declarations import relatively), so a
    // different rootDir and outDir cannot show in it, only in a failed comparison.
    const record = readRecord();
    expect(isCurrent(record, "library", inputHashes(providers).library, outputsOf.library), "dist/lib is not the last good build's").toBe(
      true,
    );
    const theirs = path.join(scratch, "tsc");
    const config = path.join(scratch, "tsconfig.json");
    fs.writeFileSync(
      config,
      JSON.stringify({
        extends: path.join(repoRoot, "tsconfig.build.json"),
        compilerOptions: { rootDir: repoRoot, outDir: theirs },
        include: [path.join(repoRoot, "runtime"), path.join(repoRoot, "generated")],
      }),
    );
    await promisify(execFile)(process.execPath, [path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", config]);
    // compileLibrary also copies each provider's schema.d.ts and bundled document, which tsc does not.
    for (const p of providers)
      for (const name of ["schema.d.ts", "openapi.json"])
        fs.copyFileSync(path.join(repoRoot, "generated", p.id, name), path.join(theirs, "generated", p.id, name));
    const written = tree(path.join(repoRoot, "dist", "lib"));
    expect(Object.keys(written)).toEqual(Object.keys(tree(theirs)));
    expect(written).toEqual(tree(theirs));
  }, 240_000);

  it("writes nothing of the request-type check's module, and what the build wrote for the same files", async () => {
    const out = path.join(scratch, "clean-out");
    await compileLibrary(stage("clean"), [smsend], out, undefined, [smsend]);
    const written = tree(out);
    expect(Object.keys(written).filter((name) => name.includes("__request-types__"))).toEqual([]);
    // A fresh compile of smSend's half gives the files of dist/lib (shown above to be tsc's).
    const lib = tree(path.join(repoRoot, "dist", "lib"));
    const ours = Object.fromEntries(
      Object.keys(lib)
        .filter((name) => !name.startsWith("generated/clicksend/"))
        .map((name) => [name, lib[name]]),
    );
    expect(written).toEqual(ours);
  }, 240_000);

  it("reports a request type that became unknown with the spec's file and line, ahead of a compile error", async () => {
    const error = await compileError(both, "checked-out", [smsend]);
    expect(error).toBeInstanceOf(LintFailure);
    expect((error as LintFailure).message).toMatch(
      /^specs\/smsend\/\S+\.yaml:\d+:\d+ error generator\/request-type-unknown .*\(sms\/send input\.body\)/m,
    );
    expect((error as LintFailure).message).not.toContain("TS2322");
  }, 240_000);

  it("checks the request types of the providers it is given only, and reports a compile error as tsc does", async () => {
    // The same two mistakes, smSend not checked: the unknown body goes unreported, the type error
    // (which the case above showed is outranked) comes out as tsc's file(line,col), code and message.
    const error = await compileError(both, "unchecked-out", []);
    expect(error).toBeInstanceOf(CompileFailure);
    expect((error as CompileFailure).message).toMatch(
      /^generated\/smsend\/index\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'\./m,
    );
  }, 240_000);
});
