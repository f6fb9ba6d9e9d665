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

describe("a minified bundle", () => {
  it("keeps every error's name, which a minifier's renamed classes would otherwise give", async () => {
    const result = await build({
      stdin: {
        contents: `import { createClickSendBase, smsSend } from "./generated/clicksend/operations.js";
const base = (fetch) => createClickSendBase({ username: "user", apiKey: "key", baseUrl: "https://cs.test", retry: false, fetch });
const caught = (fetch) => smsSend(base(fetch), { body: { messages: [] } }).catch((error) => error);
const errors = [
  await caught(async () => { throw new Error("down"); }),
  await caught(async () => Response.json({ response_code: "BAD" }, { status: 400 })),
  await caught(async () => new Response("<html>", { status: 200 })),
  await caught(async () => new Response(null, { status: 307, headers: { location: "https://elsewhere.test/" } })),
];
export const names = errors.map((error) => [error.name, error.toJSON().name]);`,
        resolveDir: repoRoot,
        loader: "ts",
      },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const code = Buffer.from(result.outputFiles[0]!.contents).toString("base64");
    const { names } = (await import(`data:text/javascript;base64,${code}`)) as { names: string[][] };
    expect(names).toEqual([
      ["NetworkError", "NetworkError"],
      ["ClickSendError", "ClickSendError"],
      ["UnparseableResponseError", "UnparseableResponseError"],
      ["RedirectError", "RedirectError"],
    ]);
  });
});

describe("client.raw", () => {
  it("loads and builds openapi-fetch's client on its first request, once, by both clients", async () => {
    const { createClickSendClient } = await import("../../generated/clicksend/index.js");
    const { createSmSendClient } = await import("../../generated/smsend/index.js");
    const seen: string[] = [];
    const fetch = async (request: Request) => (seen.push(`${request.url} ${request.headers.get("x-added")}`), Response.json({}));
    const before = created.count;
    const clickSend = createClickSendClient({ username: "user", apiKey: "key", baseUrl: "https://cs.test", fetch });
    const smSend = await createSmSendClient({ userKey: "user-key", accessToken: "token", baseUrl: "https://sm.test", fetch });
    expect(clickSend.raw).toBe(clickSend.raw);
    // Middleware registered before the load is applied once it is built.
    clickSend.raw.use({ onRequest: ({ request }) => (request.headers.set("x-added", "yes"), request) });
    expect(created.count).toBe(before);
    await Promise.all([clickSend.raw.GET("/account"), clickSend.raw.GET("/account")]);
    expect(created.count).toBe(before + 1);
    await smSend.raw.GET("/status");
    await smSend.raw.GET("/status");
    expect(created.count).toBe(before + 2);
    expect(seen).toEqual([
      "https://cs.test/account yes",
      "https://cs.test/account yes",
      "https://sm.test/status null",
      "https://sm.test/status null",
    ]);
  });

  it("stays out, with pagination, of what the namespaced client loads when code is split: both sit in chunks only dynamic imports load", async () => {
    const result = await build({
      stdin: {
        contents: `import { createClickSendClient } from "./generated/clicksend/index.js";
await createClickSendClient({ username: "user", apiKey: "key" }).sms.send({ body: { messages: [] } });`,
        resolveDir: repoRoot,
        loader: "ts",
      },
      bundle: true,
      format: "esm",
      platform: "browser",
      splitting: true,
      outdir: "out",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const { outputs } = result.metafile;
    const eager = new Set([Object.keys(outputs).find((file) => outputs[file]!.entryPoint !== undefined)!]);
    for (const file of eager) for (const { path, kind } of outputs[file]!.imports) if (kind === "import-statement") eager.add(path);
    const inputsOf = (files: string[]) => files.flatMap((file) => Object.keys(outputs[file]!.inputs));
    const lazy = Object.keys(outputs).filter((file) => !eager.has(file));
    const deferred = (file: string) => file.includes("openapi-fetch") || file === "runtime/paginate.ts";
    expect(inputsOf([...eager])).toContain("generated/clicksend/client.ts");
    expect(inputsOf([...eager]).filter(deferred)).toEqual([]);
    expect(inputsOf(lazy).filter(deferred).sort()).toEqual(["node_modules/openapi-fetch/dist/index.mjs", "runtime/paginate.ts"]);
  });
});
