/**
 * What a bundler keeps of the package for the two lightest uses (esbuild, as an application's
 * build would run it): a webhook handler must not carry the bundled document or Ajv (its payload
 * validators are compiled at build time), and sending one SMS with the operation functions must
 * not carry the operation table, openapi-fetch or pagination. Sizes are the benchmark's business
 * (scripts/bench/bundle.ts); this checks what is in, which is what makes them small.
 * Also: the namespaced clients build their openapi-fetch `raw` client only on first use.
 */
import { build } from "esbuild";
import { describe, expect, it, vi } from "vitest";
import { repoRoot } from "../../generator/providers.js";

const created = vi.hoisted(() => ({ count: 0 }));
vi.mock("openapi-fetch", async (original) => {
  const real = await original<typeof import("openapi-fetch")>();
  return { ...real, default: (...args: Parameters<typeof real.default>) => (created.count++, real.default(...args)) };
});

/** The input files esbuild put bytes of into the bundle of `contents`. */
async function bundledInputs(contents: string): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file);
}

describe("bundles of the light entry points", () => {
  it("a webhook handler carries the compiled validators, not the document or Ajv", async () => {
    const inputs = await bundledInputs(`import { parseWebhook } from "./generated/clicksend/webhooks.js";
console.log(parseWebhook("sms-delivery-receipt", { body: "message_id=abc", contentType: "application/x-www-form-urlencoded" }));`);
    expect(inputs).toContain("generated/clicksend/webhook-validators.ts");
    expect(inputs.filter((file) => /openapi\.json$|node_modules\/(ajv|ajv-formats|fast-uri)\//.test(file))).toEqual([]);
  });

  it("sending one SMS with the operation functions carries neither the operation table, openapi-fetch nor pagination", async () => {
    const inputs = await bundledInputs(`import { createClickSendBase, smsSend } from "./generated/clicksend/operations.js";
const cs = createClickSendBase({ username: "user", apiKey: "key" });
await smsSend(cs, { body: { messages: [{ to: "+61411111111", body: "Hi", source: "app" }] } });`);
    expect(inputs).toContain("runtime/call.ts");
    expect(inputs.filter((file) => /generated\/clicksend\/client\.ts|openapi-fetch|runtime\/paginate\.ts/.test(file))).toEqual([]);
  });
});

describe("client.raw", () => {
  it("is built on first use, once, by both clients", async () => {
    const { createClickSendClient } = await import("../../generated/clicksend/index.js");
    const { createSmSendClient } = await import("../../generated/smsend/index.js");
    const before = created.count;
    const clickSend = createClickSendClient({ username: "user", apiKey: "key" });
    const smSend = await createSmSendClient({ userKey: "user-key", accessToken: "token" });
    expect(created.count).toBe(before);
    expect(clickSend.raw).toBe(clickSend.raw);
    expect(smSend.raw).toBe(smSend.raw);
    expect(created.count).toBe(before + 2);
    expect(typeof clickSend.raw.GET).toBe("function");
  });
});
