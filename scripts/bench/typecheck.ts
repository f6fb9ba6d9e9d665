/**
 * Benchmark 2: what our ClickSend client costs a consumer's type-check. The same small program
 * (create a client, send an SMS, list contacts page by page, read an error) is written against our
 * client as other repositories get it (the package's dist/lib: JavaScript and declarations) and
 * against hey-api's output for the same document, and `tsc --noEmit` (the project's TypeScript and
 * compiler options: strict, NodeNext, skipLibCheck) checks each. Target: ours no slower (≤ 1.00).
 * A third, informational row checks the same consumer against the in-repo sources (generated/*.ts).
 *
 * Over 150 lines on purpose: a benchmark reads top to bottom (the consumer program, the three setups,
 * the paired timings, the verdict), and each setup is only meaningful beside the others.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import buildPackage from "../../generator/package.js";
import { providers } from "../../generator/providers.js";
import {
  fmtMs,
  fmtRatio,
  interleaved,
  removeDir,
  repoRoot,
  sideRow,
  stats,
  table,
  tempDir,
  timeChild,
  tsChild,
  type BenchResult,
} from "./lib.js";

const OURS_CONSUMER = `import { ClickSendError, createClickSendClient } from "./generated/clicksend/index.js";

export async function main(): Promise<void> {
  const cs = createClickSendClient({ username: "user", apiKey: "key", baseUrl: "http://127.0.0.1:9/v3" });
  const sent = await cs.sms.send({ body: { messages: [{ to: "+61411111111", body: "Hi", source: "bench" }] } });
  const status: string | undefined = sent.data.messages[0]?.status;
  for await (const contact of cs.contacts.list.all({ list_id: 428 })) console.log(contact.phone_number, status);
  try {
    await cs.account.get();
  } catch (error) {
    if (error instanceof ClickSendError) console.log(error.status, error.responseCode, error.responseMsg);
  }
}
`;

// hey-api has no pagination helper: the consumer walks the pages itself, as a user would.
const HEYAPI_CONSUMER = `import { createClient, createConfig } from "./clicksend/client/index.js";
import { accountGet, contactsList, smsSend } from "./clicksend/index.js";

export async function main(): Promise<void> {
  const client = createClient(createConfig({ baseUrl: "http://127.0.0.1:9/v3", auth: "user:key" }));
  const sent = await smsSend({ client, throwOnError: true, body: { messages: [{ to: "+61411111111", body: "Hi", source: "bench" }] } });
  const status: string | undefined = sent.data.data.messages[0]?.status;
  for (let page = 1; ; page++) {
    const { data } = await contactsList({ client, throwOnError: true, path: { list_id: 428 }, query: { page } });
    for (const contact of data.data.data) console.log(contact.phone_number, status);
    if (data.data.data.length === 0 || page >= data.data.last_page) break;
  }
  const { error, response } = await accountGet({ client });
  if (error) console.log(response.status, error.response_code, error.response_msg);
}
`;

/** A folder holding consumer.ts and a tsconfig.json with the project's compiler options. */
function consumerProject(dir: string, source: string): void {
  fs.mkdirSync(dir, { recursive: true });
  // TypeScript's own reader: tsconfig.json holds comments.
  const { config } = ts.readConfigFile(path.join(repoRoot, "tsconfig.json"), ts.sys.readFile) as { config: { compilerOptions: object } };
  const { compilerOptions } = config;
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["consumer.ts"] }, null, 2));
  fs.writeFileSync(path.join(dir, "consumer.ts"), source);
}

const tsc = (dir: string, ...extra: string[]) =>
  timeChild(process.execPath, [
    path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    path.join(dir, "tsconfig.json"),
    ...extra,
  ]);

/** tsc's own counters (--extendedDiagnostics), from one extra untimed run per side. */
async function diagnostics(dir: string): Promise<Record<string, string>> {
  const { stdout } = await tsc(dir, "--extendedDiagnostics");
  const wanted = [
    "Files",
    "Lines of TypeScript",
    "Lines of Definitions",
    "Types",
    "Instantiations",
    "Memory used",
    "Parse time",
    "Check time",
    "Total time",
  ];
  const found: Record<string, string> = {};
  for (const line of stdout.split("\n")) {
    const match = /^([A-Za-z ]+):\s+(\S+)/.exec(line);
    if (match && wanted.includes(match[1]!.trim())) found[match[1]!.trim()] = match[2]!;
  }
  return found;
}

/** The consumer against the package build (dist/lib), which `npm run build` makes and `npm pack` ships. */
async function packageVariant(dir: string): Promise<void> {
  await buildPackage(providers);
  consumerProject(dir, OURS_CONSUMER);
  for (const part of ["generated/clicksend", "runtime"]) {
    fs.cpSync(path.join(repoRoot, "dist", "lib", part), path.join(dir, part), { recursive: true, filter: (f) => !f.endsWith(".json") });
  }
}

export default async function benchTypecheck(): Promise<BenchResult> {
  const work = tempDir("typecheck");
  try {
    // Every project sits under one folder whose node_modules links the project's (openapi-fetch,
    // @types/node): what a consumer installing either client would have.
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(work, "node_modules"), "dir");
    // ES modules, as in this project (NodeNext reads "type" to tell ESM from CommonJS).
    fs.writeFileSync(path.join(work, "package.json"), JSON.stringify({ private: true, type: "module" }));
    const ours = path.join(work, "ours");
    await packageVariant(ours);
    const oursSource = path.join(work, "ours-source");
    consumerProject(oursSource, OURS_CONSUMER);
    fs.cpSync(path.join(repoRoot, "generated", "clicksend"), path.join(oursSource, "generated", "clicksend"), {
      recursive: true,
      filter: (f) => !f.endsWith(".json"),
    });
    fs.cpSync(path.join(repoRoot, "runtime"), path.join(oursSource, "runtime"), { recursive: true });
    const hey = path.join(work, "heyapi");
    consumerProject(hey, HEYAPI_CONSUMER);
    await tsChild("gen-heyapi.ts", [hey, "clicksend"]);

    // tsc exits non-zero on a type error, and timeChild then throws: a consumer that does not
    // type-check would time an error report.
    const time = (dir: string) => async () => (await tsc(dir)).ms;
    const runs = await interleaved({ ours: time(ours), heyapi: time(hey), oursSource: time(oursSource) });
    const [o, h, d] = [stats(runs.ours!), stats(runs.heyapi!), stats(runs.oursSource!)];
    const ratio = o.median / h.median;
    const met = ratio <= 1;
    const diag = [await diagnostics(ours), await diagnostics(hey), await diagnostics(oursSource)];

    const rows = [
      [...sideRow("hey-api 0.95 output (baseline)", h, fmtMs), "1.00×", "", ""],
      [
        ...sideRow("ours: the package (dist/lib declarations)", o, fmtMs),
        fmtRatio(ratio),
        "≤ 1.00× (no slower)",
        met ? "**met**" : `**missed** by ${fmtMs(o.median - h.median)} (${((ratio - 1) * 100).toFixed(0)} % slower)`,
      ],
      [...sideRow("ours from in-repo sources (generated/*.ts)", d, fmtMs), fmtRatio(d.median / h.median), "(not a side)", ""],
    ];
    const markdown = [
      `Wall time of \`tsc -p\` (TypeScript 5.9.3, the project's compilerOptions: strict, NodeNext, skipLibCheck) on one consumer file; ${o.runs.length} runs per side after one warm-up, interleaved. Ratio = side ÷ hey-api.`,
      "",
      table(["side", "median", "min", "max", "ratio", "target", "result"], rows),
      "",
      "tsc --extendedDiagnostics (one untimed run each):",
      "",
      table(
        ["counter", "ours (package)", "hey-api", "ours (sources)"],
        Object.keys(diag[0]!).map((key) => [key, ...diag.map((x) => x[key] ?? "")]),
      ),
      met ? "" : `\n**Why missed**: ${whyMissed(diag[0]!, diag[1]!, diag[2]!)}`,
    ].join("\n");
    return {
      title: "2. Consumer type-check (`tsc --noEmit`, strict)",
      markdown,
      verdict: `type-check: ours ${fmtRatio(ratio)} hey-api's time, ${met ? "met" : "missed"}`,
    };
  } finally {
    removeDir(work);
  }
}

function whyMissed(ours: Record<string, string>, hey: Record<string, string>, source: Record<string, string>): string {
  return (
    `the time is in tsc's check phase (${ours["Check time"]} for ours, ${hey["Check time"]} for hey-api, ${source["Check time"]} for our sources), ` +
    `with ${ours["Instantiations"]} instantiations for ours against ${hey["Instantiations"]}: the client interface's method ` +
    "signatures resolve `OperationInput<operations[K]>`, `Reply<K>` and `PageItem<…>` through conditional types."
  );
}
