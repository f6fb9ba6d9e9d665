/**
 * The emitters (generator/emit/) on tiny fixture documents, one case per provider shape: which
 * files come out, and each file held in a file snapshot (openapi-typescript's style). The whole
 * output for the real specs is compared by test/generator/pipeline.test.ts.
 */
import { describe, expect, it } from "vitest";
import emitClientFiles from "../../generator/emit.js";
import buildModel from "../../generator/model.js";
import { providers } from "../../generator/providers.js";
import { fixtureSpec as fixture } from "../support/fixture-specs.js";

const provider = (id: string) => providers.find((p) => p.id === id)!;

describe("emitClientFiles", () => {
  const cases: [string, { given: { provider: string; spec: string }; want: { dir: string; files: string[] } }][] = [
    [
      "ClickSend's shape: envelope, webhooks, tree-shakable operation functions",
      {
        given: { provider: "clicksend", spec: "enveloped.yaml" },
        want: { dir: "enveloped", files: ["client.ts", "envelope.ts", "index.ts", "operations.ts", "webhooks.ts"] },
      },
    ],
    [
      "smSend's shape: no envelope, no webhooks, a client generic in the brand",
      {
        given: { provider: "smsend", spec: "plain.yaml" },
        want: { dir: "plain", files: ["client.ts", "index.ts"] },
      },
    ],
  ];
  it.each(cases)("%s", async (_name, { given, want }) => {
    const files = emitClientFiles(provider(given.provider), buildModel(fixture(given.spec)));
    expect(Object.keys(files).sort()).toEqual(want.files);
    for (const [name, text] of Object.entries(files)) await expect(text).toMatchFileSnapshot(`./__snapshots__/emit/${want.dir}/${name}`);
  });
});
