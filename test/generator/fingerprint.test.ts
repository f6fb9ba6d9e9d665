import { describe, expect, it } from "vitest";
import { isCurrent, type BuildRecord } from "../../generator/fingerprint.js";

describe("the build record", () => {
  const record: BuildRecord = { smsend: { inputs: "in-1", outputs: "out-1" } };
  it.each([
    ["inputs and outputs as the last good build left them", "smsend", "in-1", "out-1", true],
    ["an input changed (a spec, the generator, a tool)", "smsend", "in-2", "out-1", false],
    ["an output changed (edited by hand, deleted)", "smsend", "in-1", "out-2", false],
    ["never built", "clicksend", "in-1", "out-1", false],
  ] as const)("%s → current: %s", (_, part, inputs, outputs, want) => {
    expect(isCurrent(record, part, inputs, () => outputs)).toBe(want);
  });
});
