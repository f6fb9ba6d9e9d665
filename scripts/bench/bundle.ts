/**
 * Benchmark 4: what sending one SMS costs a bundle. esbuild (bundle, minify) of a tiny entry that
 * creates our ClickSend client and sends one SMS (ESM, platform browser: the runtime uses only web
 * APIs), against the same with the official SDK (CommonJS on `request`, so platform node, CJS).
 * Sizes are deterministic: one build each, no repetitions needed. Our bundles are built with code
 * splitting on and measure what loads before the first call (see `bundle()`); the namespaced client
 * is also shown with it off, where esbuild inlines the dynamic imports (openapi-fetch for
 * `client.raw`, pagination for `.all()`).
 * Targets (minified + gzip level 9): the namespaced client under 10 KB; the same send with the
 * tree-shakable operation functions at most 4 KiB; a webhook handler (parseWebhook alone) at most
 * 10 KiB, with no bundled document or Ajv in it.
 *
 * Over 150 lines on purpose: a benchmark reads top to bottom (entries, builds, sizes, verdict), and
 * its entry programs are shown where they are measured.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile, type Plugin } from "esbuild";
import { repoRoot, table, type BenchResult } from "./lib.js";

// 10 KB read as 10 KiB; the report also says where it stands against 10,000 bytes.
const LIMIT = 10 * 1024;

const OURS_ENTRY = `import { createClickSendClient } from "./generated/clicksend/index.js";
const cs = createClickSendClient({ username: "user", apiKey: "key" });
await cs.sms.send({ body: { messages: [{ to: "+61411111111", body: "Hi", source: "app" }] } });
`;

const OPERATIONS_ENTRY = `import { createClickSendBase, smsSend } from "./generated/clicksend/operations.js";
const cs = createClickSendBase({ username: "user", apiKey: "key" });
await smsSend(cs, { body: { messages: [{ to: "+61411111111", body: "Hi", source: "app" }] } });
`;
const OPERATIONS_LIMIT = 4 * 1024;

const WEBHOOK_ENTRY = `import { parseWebhook } from "./generated/clicksend/webhooks.js";
console.log(parseWebhook("sms-delivery-receipt", { body: "message_id=abc&timestamp=1", contentType: "application/x-www-form-urlencoded" }));
`;
const WEBHOOK_LIMIT = 10 * 1024;

const SDK_ENTRY = `const api = require("clicksend");
const sms = new api.SMSApi("user", "key");
const message = Object.assign(new api.SmsMessage(), { to: "+61411111111", body: "Hi", source: "app" });
const collection = new api.SmsMessageCollection();
collection.messages = [message];
sms.smsSendPost(collection).then(() => {});
`;

/** What-if for the diagnosis: generated/clicksend/client.ts with its operation table cut down to
 * the one operation the entry uses, as if each operation could be imported (and shaken) alone.
 * It relies only on the table being `export const operationTable = {`, one entry per line, `}`. */
const oneOperationTable: Plugin = {
  name: "one-operation-table",
  setup(b) {
    b.onLoad({ filter: /generated[\\/]clicksend[\\/]client\.ts$/ }, (args) => {
      const lines = fs.readFileSync(args.path, "utf8").split("\n");
      const start = lines.findIndex((line) => line.startsWith("export const operationTable = {"));
      const end = lines.findIndex((line, i) => i > start && line.startsWith("}"));
      if (start < 0 || end < 0) throw new Error("bundle what-if: no operationTable block in generated/clicksend/client.ts");
      const kept = lines.filter((line, i) => i <= start || i >= end || line.includes('"sms/send"'));
      return { contents: kept.join("\n"), loader: "ts" };
    });
  },
};

interface Size {
  /** What the application loads before its first call: the entry chunk and the chunks it imports statically. */
  min: number;
  gzip: number;
  /** Chunks loaded only by a dynamic import (code splitting on): fetched when first needed. */
  lazyMin: number;
  lazyGzip: number;
  /** The inputs of the lazy chunks. */
  lazyInputs: string[];
  metafile: Metafile;
  /** The eager chunks' minified code, for the what-if below. */
  code: string;
}

/**
 * One esbuild bundle of `contents`. With `splitting` (ESM only), a module reached only through a
 * dynamic import, such as openapi-fetch behind `client.raw` or pagination behind `.all()`, goes to a chunk of its own, as Vite,
 * Rollup and webpack do by default: its bytes are counted apart (lazy), not in what the page loads
 * to send one SMS. Without splitting, esbuild inlines a dynamic import, and every byte counts.
 */
async function bundle(contents: string, platform: "browser" | "node", plugins: Plugin[] = [], splitting = false): Promise<Size> {
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, loader: platform === "node" ? "js" : "ts", sourcefile: "entry" },
    bundle: true,
    minify: true,
    format: platform === "node" ? "cjs" : "esm",
    platform,
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins,
    splitting,
    outdir: "bundle-out",
  });
  const files = new Map(result.outputFiles.map((file) => [path.relative(repoRoot, file.path), file.contents]));
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file]!.entryPoint !== undefined)!;
  // The entry and, transitively, what it imports statically.
  const eager = new Set([entry]);
  for (const file of eager) for (const { path: next, kind } of outputs[file]!.imports) if (kind === "import-statement") eager.add(next);
  const sum = (inEager: boolean, measure: (code: Uint8Array) => number) =>
    [...files].filter(([file]) => eager.has(file) === inEager).reduce((total, [, code]) => total + measure(code), 0);
  const gzip = (code: Uint8Array) => gzipSync(code, { level: 9 }).length;
  return {
    min: sum(true, (code) => code.length),
    gzip: sum(true, gzip),
    lazyMin: sum(false, (code) => code.length),
    lazyGzip: sum(false, gzip),
    lazyInputs: Object.keys(outputs)
      .filter((file) => !eager.has(file))
      .flatMap((file) => Object.keys(outputs[file]!.inputs)),
    metafile: { ...result.metafile, outputs: { [entry]: outputs[entry]! } },
    code: [...files]
      .filter(([file]) => eager.has(file))
      .map(([, code]) => Buffer.from(code).toString())
      .join("\n"),
  };
}

/** What-if for the diagnosis: the gzip size of `size`'s code with every string and template literal
 * emptied (every message, header name and URL gone): a floor no rewording can go below. */
const withoutStrings = (size: Size) =>
  gzipSync(size.code.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""'), { level: 9 }).length;

/** The inputs that put the most bytes into the (minified) output. */
function topInputs(metafile: Metafile, count: number): string[][] {
  const output = Object.values(metafile.outputs)[0]!;
  const total = output.bytes;
  return Object.entries(output.inputs)
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, count)
    .map(([file, input]) => [`\`${file}\``, bytes(input.bytesInOutput), `${((100 * input.bytesInOutput) / total).toFixed(1)} %`]);
}

const bytes = (n: number) => `${n.toLocaleString("en")} B`;
const kb = (n: number) => `${(n / 1024).toFixed(2)} KiB`;
const lazy = (size: Size) =>
  size.lazyMin === 0
    ? "no lazy chunk"
    : `lazy chunks of ${bytes(size.lazyGzip)} min+gzip, fetched on first use (${size.lazyInputs.map((file) => `\`${file}\``).join(", ")})`;

export default async function benchBundle(): Promise<BenchResult> {
  const ours = await bundle(OURS_ENTRY, "browser", [], true);
  const oursInlined = await bundle(OURS_ENTRY, "browser");
  const sdk = await bundle(SDK_ENTRY, "node");
  const shaken = await bundle(OURS_ENTRY, "browser", [oneOperationTable], true);
  const functions = await bundle(OPERATIONS_ENTRY, "browser", [], true);
  const webhook = await bundle(WEBHOOK_ENTRY, "browser", [], true);
  const functionsMet = functions.gzip <= OPERATIONS_LIMIT;
  const floor = withoutStrings(functions);
  const webhookMet = webhook.gzip <= WEBHOOK_LIMIT;
  const met = ours.gzip < LIMIT;
  const margin = met ? `${bytes(LIMIT - ours.gzip)} under 10 KiB` : `${bytes(ours.gzip - LIMIT)} over 10 KiB`;
  const si = ours.gzip < 10_000 ? "also under 10,000 B" : `but ${bytes(ours.gzip - 10_000)} over 10,000 B`;

  const rows = [
    ["official SDK `clicksend` 5.1.7 (baseline; node, CJS)", bytes(sdk.min), bytes(sdk.gzip), kb(sdk.gzip), "1.00×", "", ""],
    [
      "ours (browser, ESM, code splitting on)",
      bytes(ours.min),
      bytes(ours.gzip),
      kb(ours.gzip),
      `${(ours.gzip / sdk.gzip).toFixed(3)}×`,
      "< 10 KiB min+gzip",
      `${met ? `**met** (${margin}, ${si})` : `**missed**: ${margin}`}; plus ${lazy(ours)}`,
    ],
    [
      "ours, code splitting off (esbuild inlines the dynamic imports of openapi-fetch and pagination)",
      bytes(oursInlined.min),
      bytes(oursInlined.gzip),
      kb(oursInlined.gzip),
      `${(oursInlined.gzip / sdk.gzip).toFixed(3)}×`,
      "(not a side)",
      "",
    ],
    [
      "ours, one function per operation (`createClickSendBase` + `smsSend`)",
      bytes(functions.min),
      bytes(functions.gzip),
      kb(functions.gzip),
      `${(functions.gzip / sdk.gzip).toFixed(3)}×`,
      "≤ 4 KiB min+gzip",
      functionsMet
        ? `**met** (${bytes(OPERATIONS_LIMIT - functions.gzip)} under)`
        : `**missed**: ${bytes(functions.gzip - OPERATIONS_LIMIT)} over`,
    ],
    [
      "what-if: the operation functions with every string literal emptied (a floor, not working code)",
      "",
      bytes(floor),
      kb(floor),
      "",
      "(not a side)",
      "",
    ],
    [
      "what-if: ours with a one-operation table",
      bytes(shaken.min),
      bytes(shaken.gzip),
      kb(shaken.gzip),
      `${(shaken.gzip / sdk.gzip).toFixed(3)}×`,
      "(not a side)",
      "",
    ],
  ];
  const webhookRow = [
    [
      "ours: `parseWebhook` alone",
      bytes(webhook.min),
      bytes(webhook.gzip),
      kb(webhook.gzip),
      "≤ 10 KiB min+gzip, no document, no Ajv",
      webhookMet ? "**met**" : "**missed**",
    ],
  ];
  // The diagnosis is due when the target is missed, and also when it is met by a hair.
  const close = !met || ours.gzip >= 10_000;
  const markdown = [
    "esbuild 0.28.2, bundle + minify, of an entry that creates a client and sends one SMS; gzip is node:zlib level 9 of the minified output. Ratio = gzip size ÷ the SDK's. Code splitting is on for our bundles (as in Vite, Rollup and webpack): sizes are what the page loads before its first call (the entry chunk and its static imports); a chunk reached only by a dynamic import is counted apart, and the row with splitting off shows what a bundler that inlines dynamic imports produces.",
    "",
    table(["bundle", "minified", "min+gzip", "min+gzip (KiB)", "ratio", "target", "result"], rows),
    "",
    "A webhook handler (an entry that only parses one delivery receipt); the validators are compiled at build time (generated/clicksend/webhook-validators.ts):",
    "",
    table(["bundle", "minified", "min+gzip", "min+gzip (KiB)", "target", "result"], webhookRow),
    "",
    ...[
      ["the operation-function bundle", functions, 8],
      ["the webhook bundle", webhook, 4],
      ["our namespaced-client bundle", ours, 8],
      ["the SDK bundle", sdk, 5],
    ].flatMap(([name, size, count]) => [
      `Biggest inputs of ${name} (esbuild metafile, bytes in the minified output):`,
      "",
      table(["input", "bytes", "share"], topInputs((size as Size).metafile, count as number)),
      "",
    ]),
    close ? `\n**${met ? "Close to the limit" : "Why missed"}**: ${diagnosis(ours, shaken)}` : "",
    functionsMet
      ? ""
      : `\n**Why the operation functions miss 4 KiB**: what is left is the runtime every call goes through (biggest inputs above): ` +
        "the redirect checks that keep credentials on their origin, redaction of every secret encoding, the caps on reply bodies, " +
        `retries of idempotent calls only, and the failure types. With every string literal emptied the same code still gzips to ${bytes(floor)}, ` +
        "so no shorter wording reaches 4 KiB; only removing protections would, which this project does not do.",
  ].join("\n");
  const verdict = `bundle: ours ${bytes(ours.gzip)} min+gzip, ${met ? "met" : "missed"} (${margin}); operation functions ${bytes(functions.gzip)}, ${functionsMet ? "met" : "missed"} (≤ 4 KiB); parseWebhook alone ${bytes(webhook.gzip)}, ${webhookMet ? "met" : "missed"} (≤ 10 KiB)`;
  return { title: "4. Bundle size (esbuild, minified + gzip)", markdown, verdict };
}

function diagnosis(ours: Size, shaken: Size): string {
  const output = Object.values(ours.metafile.outputs)[0]!;
  const client = Object.entries(output.inputs).find(([file]) => file.endsWith("generated/clicksend/client.ts"))?.[1].bytesInOutput ?? 0;
  return (
    `\`generated/clicksend/client.ts\` puts ${bytes(client)} of ${bytes(output.bytes)} minified into the bundle: the whole operation table ` +
    "(every ClickSend operation's method, path, parameters and flags), because `createClickSendClient` binds every operation at run time " +
    "from that one object, so no bundler can drop the operations an application never calls. With the table cut to the one operation " +
    `the entry uses (what-if row) the bundle is ${bytes(shaken.gzip)} min+gzip, ${bytes(ours.gzip - shaken.gzip)} less. The rest is ` +
    "the runtime (call, errors, redact, redirects, retry). What would shrink it: emit one exported entry (or one small module) per " +
    "operation and let a client be built from the operations it imports (`createClickSendClient({ …, operations: { smsSend } })`). " +
    "openapi-fetch and pagination are not in it: `client.raw` and `.all()` import them dynamically on first use."
  );
}
