/**
 * The edit loop's warm children (generator/child.ts `keepChildrenWarm`, what `npm run dev` turns
 * on), in a copy of the repository (test/support/repo-copy.ts), on the fixture provider: one build
 * child serves save after save, a lint error included, and writes what generation writes; a change to the generator's code retires it for a child of the new code; and once
 * stopped, no process of the copy is left.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readGenerated } from "../../generator/write.js";
import { useRepoCopy } from "../support/repo-copy.js";

const copy = useRepoCopy("warm-children-test-");
const SPEC = "specs/build-fixture/openapi.yaml";
const UNUSED_COMPONENT = (text: string) => text.replace(/^ {2}schemas:\n/m, "  schemas:\n    NeverUsed:\n      type: string\n");
const generated = () => fs.readFileSync(path.join(copy.dir, "generated/build-fixture/openapi.json"), "utf8");
const firstLine = () => fs.readFileSync(path.join(copy.dir, "generated/build-fixture/index.ts"), "utf8").split("\n")[0];
const editLoop = () => copy.build([copy.fixture], { generatedOnly: true });

/** The ids of the processes whose command line names the copy: its workers, at any depth. */
function copyProcesses(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(copy.dir);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

afterAll(() => copy.child?.stopWarmChildren());

describe("the edit loop's warm children", () => {
  it("build save after save in the same child, refuse a lint error with file and line, and write what generation writes", async () => {
    copy.child.keepChildrenWarm();
    await copy.withEdits({ [SPEC]: UNUSED_COMPONENT }, async () => {
      expect(await editLoop()).toMatchObject({ rebuilt: ["build-fixture"] });
      expect(generated()).toContain("NeverUsed");
    });
    const { build } = copy.child.warmChildPids();
    expect(build).toBeTypeOf("number");

    const error = await copy.withEdits(
      { "specs/build-fixture/paths/status.yaml": (text) => text.replace("operationId: user/get-status", "operationId: GetStatus") },
      () => editLoop().catch((e: Error) => e),
    );
    expect(error).toBeInstanceOf(copy.LintFailure);
    expect((error as Error).message).toMatch(/^specs\/build-fixture\/paths\/status\.yaml:\d+:\d+ error spectral\/operation-id-namespaced/m);

    // The edits undone: built again by the same child, to the bytes this process generates.
    expect(await editLoop()).toMatchObject({ rebuilt: ["build-fixture"] });
    expect(copy.child.warmChildPids()).toEqual({ build });
    const { files } = await copy.generate([copy.fixture], {}, { checks: false });
    expect(readGenerated(path.join(copy.dir, "generated"), ["build-fixture"])).toEqual(files);
  }, 120_000);

  it("retire a child whose generator code changed, and leave no process once stopped", async () => {
    const { build: before } = copy.child.warmChildPids();
    expect(before).toBeTypeOf("number");
    const header = "generator/header.ts";
    await copy.withEdits({ [header]: (text) => text.replace("do not edit by hand", "never edit by hand") }, async () => {
      expect(await editLoop()).toMatchObject({ rebuilt: ["build-fixture"] });
      expect(firstLine()).toContain("never edit by hand");
    });
    const { build: after } = copy.child.warmChildPids();
    expect(after).toBeTypeOf("number");
    expect(after).not.toBe(before);

    expect(copyProcesses().length).toBeGreaterThanOrEqual(2); // the build child and its linters' child
    copy.child.stopWarmChildren();
    await expect.poll(copyProcesses, { timeout: 10_000 }).toEqual([]);
  }, 120_000);
});
