/**
 * The build's request checks, each broken on purpose in a tiny spec under
 * test/fixtures/request-checks/: every one must stop the build with file, line and rule.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import generate from "../../generator/pipeline.js";
import { providers, repoRoot, type Provider } from "../../generator/providers.js";

function fixture(name: string): Provider {
  // A tiny smSend-like spec, without the brand profiles of the real one.
  return {
    ...providers.find((p) => p.id === "smsend")!,
    brands: undefined,
    root: path.join(repoRoot, "test", "fixtures", "request-checks", `${name}.yaml`),
  };
}

const dir = "test/fixtures/request-checks";

describe("build errors instead of silent surprises", () => {
  it.each([
    [
      "unknown-input",
      `${dir}/components/schemas/MessageUnknown.yaml:6:1 error generator/request-type-unknown this schema becomes \`unknown\` in the generated types, so any value compiles (sms/send input.body); write it in a form openapi-typescript models (see specs/README.md)`,
    ],
    [
      "method-collision",
      `${dir}/paths/sms_send2.yaml:2:3 error generator/method-name-collision operationId sms/send2 becomes client.sms.send2, like sms/send-2: one of them would be unreachable`,
    ],
    [
      "namespace-collision",
      `${dir}/paths/raw.yaml:2:3 error generator/namespace-collision operationId raw/get: namespace raw becomes client.raw, which is already a member of SmSendClient`,
    ],
    [
      "schema-example",
      `${dir}/components/schemas/MessageBadExample.yaml:13:16 error redocly/no-invalid-schema-examples Example value must conform to the schema: type must be integer.`,
    ],
    [
      "open-body",
      `${dir}/components/schemas/MessageOpen.yaml:1:1 error spectral/request-body-closed request body object is open: add \`additionalProperties: false\` (for an allOf composition, \`propertyNames\` listing its fields)`,
    ],
  ])(
    "%s stops the build with file, line and rule",
    async (name, want) => {
      await expect(generate([fixture(name)])).rejects.toThrow(`build stopped: 1 error(s) in the specs:\n${want}`);
    },
    60_000,
  );

  it("the same fixture with the rule written as complete branches builds", async () => {
    // The control for the fixtures above: they differ from this one by the one broken thing.
    const { files } = await generate([fixture("valid")]);
    expect(files.smsend?.["schema.d.ts"]).toMatch(
      /Message: \{[^}]*body: string;[\s\S]*?\} & \(\s*\|?\s*\{\s*to: string;\s*\}\s*\|\s*\{\s*list_id: number;\s*\}\s*\)/,
    );
  }, 60_000);
});

// That the real specs have no request position typed unknown or any is the build's own
// request-types step (generator/build.ts runs checkRequestTypes on both providers and stops on
// any finding): test/setup/build.ts ran that build, or found it current, which a good build
// recorded only after that check passed on the same inputs. The cases above show the check refuses.
