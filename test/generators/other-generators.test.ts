/**
 * The published documents fed to other generators, as people do: @hey-api/openapi-ts (types, SDK,
 * fetch client) and openapi-zod-client (zod schemas and a Zodios client). Each generates from both
 * bundled documents, and the result must type-check (strict) with nothing lost:
 * - every component schema becomes a named model in each output, and none of them is `unknown`;
 *   every required property is in its zod schema, except in the recorded ZOD_CLIENT_PARTIAL
 *   (a limitation of that generator);
 * - the plain-text replies (smSend's logins) are typed as strings, not `void` or `unknown`
 *   (openapi-zod-client reads media types other than JSON only when told to, which is its
 *   documented switch, `isMediaTypeAllowed`);
 * - the paths Redocly's `no-ambiguous-paths` rule reports are exactly those recorded, each with
 *   its reason, in the document's `x-ambiguous-paths`.
 * The generators run again only when what they read changed, and the type-check stands while
 * nothing it read changed (content hashes in .tmp): checking the Zodios client for ClickSend's 237
 * operations alone takes most of a core for ten seconds and more.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createConfig, lint } from "@redocly/openapi-core";
import { beforeAll, describe, expect, it } from "vitest";
import { hashFiles } from "../../generator/fingerprint.js";
import { providers, repoRoot } from "../../generator/providers.js";
import { compilerOptions } from "../../generator/virtual-program.js";
import typeCheck from "../support/type-check.js";

type Json = Record<string, any>;

// Inside the repository, so the outputs resolve zod, @zodios/core and hey-api's client from node_modules.
const outDir = path.join(repoRoot, ".tmp", "generators");
// Beside the outputs, not among them: tsc keeps what it checked here between runs, and the
// hashes of what the outputs were generated from and of the outputs as generated.
const buildInfo = path.join(repoRoot, ".tmp", "generators.tsbuildinfo");
const stamp = path.join(repoRoot, ".tmp", "generators.json");
const documentPath = (id: string) => path.join(repoRoot, "generated", id, "openapi.json");
const documentText = Object.fromEntries(providers.map((p) => [p.id, fs.readFileSync(documentPath(p.id), "utf8")]));
/** A fresh copy of a bundled document (a generator may change the one it is given). */
const documentOf = (id: string) => JSON.parse(documentText[id]!) as Json;
const documents = Object.fromEntries(providers.map((p) => [p.id, documentOf(p.id)]));

function readAll(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile() && file.endsWith(".ts")) files[file] = fs.readFileSync(file, "utf8");
  }
  return files;
}

function typeErrors(files: string[]): string[] {
  // The project's strict options, without the one no other generator's output is written for.
  // Incremental, as `npm run typecheck` is: when the outputs are not those last checked, tsc
  // checks again only what changed, or depends on what changed.
  const options = { ...compilerOptions, noUncheckedIndexedAccess: false, incremental: true, tsBuildInfoFile: buildInfo };
  return typeCheck("other-generators", { roots: files, options }).map(
    (p) => `${p.file && `${path.relative(outDir, p.file)}:${p.line}`} ${p.message}`,
  );
}

/**
 * Models openapi-zod-client 1.18.3 keeps only in part, recorded so that any other loss (or a fix)
 * fails this test. It reads a schema's `allOf`, `anyOf` or `additionalProperties` and drops the
 * `properties` and `required` beside them, where JSON Schema applies both (hey-api and
 * openapi-typescript keep them: see the hey-api checks). These schemas use that form on purpose:
 * the "at least one of" rules, the closed request bodies and smSend's typed maps (specs/README.md).
 * Rewriting each as an `allOf` of complete parts would need `propertyNames` to stay closed.
 */
const ZOD_CLIENT_PARTIAL: Record<string, string[]> = {
  clicksend: ["InboundSmsRuleInput", "MmsMessage", "SmsMessage", "VoiceMessage"],
  smsend: ["CreateEmailListRequest", "ListContactRequest", "ParametricRecipient", "SubaccountRequest"],
};

const heyApi: Record<string, Record<string, string>> = {};
const zod: Record<string, string> = {};

/**
 * Both generators on both documents, unless outDir holds exactly what they wrote last time from
 * the same inputs: the documents, every installed package's version (package-lock.json), the
 * tsconfig.json hey-api reads, this file (the generators' options) and Node.
 */
async function generate(): Promise<void> {
  const inputs = hashFiles(
    [...providers.map((p) => documentPath(p.id)), "package-lock.json", "tsconfig.json", fileURLToPath(import.meta.url)],
    process.version,
  );
  try {
    const last = JSON.parse(fs.readFileSync(stamp, "utf8")) as { inputs: string; outputs: string };
    if (last.inputs === inputs && last.outputs === hashFiles([outDir])) return;
  } catch {
    // Nothing generated yet (a fresh clone): generate.
  }
  fs.rmSync(stamp, { force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
  // Loaded only to generate: both take seconds to import.
  const [{ createClient }, { generateZodClientFromOpenAPI }] = await Promise.all([
    import("@hey-api/openapi-ts"),
    import("openapi-zod-client"),
  ]);
  fs.mkdirSync(path.join(outDir, "zod"), { recursive: true });
  // hey-api writes ESM with `.js` imports when given a NodeNext tsconfig.
  await createClient(
    providers.map((p) => ({
      input: documentPath(p.id),
      output: { path: path.join(outDir, "hey-api", p.id), tsConfigPath: path.join(repoRoot, "tsconfig.json") },
      logs: { level: "silent" as const, file: false },
    })),
  );
  for (const p of providers)
    await generateZodClientFromOpenAPI({
      openApiDoc: documentOf(p.id) as never,
      distPath: path.join(outDir, "zod", `${p.id}.ts`),
      options: { shouldExportAllSchemas: true, isMediaTypeAllowed: (type: string) => type === "application/json" || type === "text/plain" },
    });
  fs.writeFileSync(stamp, JSON.stringify({ inputs, outputs: hashFiles([outDir]) }));
}

beforeAll(async () => {
  await generate();
  for (const p of providers) {
    heyApi[p.id] = readAll(path.join(outDir, "hey-api", p.id));
    zod[p.id] = fs.readFileSync(path.join(outDir, "zod", `${p.id}.ts`), "utf8");
  }
}, 300_000);

describe("other generators on the published documents", () => {
  it("hey-api and openapi-zod-client output type-checks (strict)", () => {
    const files = [
      ...Object.values(heyApi).flatMap((f) => Object.keys(f)),
      ...providers.map((p) => path.join(outDir, "zod", `${p.id}.ts`)),
    ];
    expect(files.length).toBeGreaterThan(4);
    expect(typeErrors(files)).toEqual([]);
  }, 180_000);

  it.each(providers.map((p) => [p.id] as const))("%s: every component schema is a named, typed model in both outputs", (id) => {
    const names = Object.keys(documents[id]!.components?.schemas ?? {});
    expect(names.length).toBeGreaterThan(0);
    const types = Object.entries(heyApi[id]!).find(([file]) => file.endsWith("types.gen.ts"))![1];
    const lost: string[] = [];
    for (const name of names) {
      const declaration = new RegExp(`^export type ${name} = ([^\\n]*)`, "m").exec(types);
      if (!declaration) lost.push(`hey-api: no type ${name}`);
      else if (/^(unknown|any);/.test(declaration[1]!)) lost.push(`hey-api: ${name} is ${declaration[1]}`);
      const schema = new RegExp(`^const ${name}(?::[^=]+)? =\\s*([^\\n]*)`, "m").exec(zod[id]!);
      if (!schema) lost.push(`zod: no schema ${name}`);
      else if (/^z\.(unknown|any)\(\)/.test(schema[1]!)) lost.push(`zod: ${name} is ${schema[1]}`);
      else {
        // Every required property of an object schema is in its zod schema.
        const body = zod[id]!.slice(schema.index).split(/\n(?=const |export )/)[0]!;
        const required = (documents[id]!.components.schemas[name].required ?? []) as string[];
        for (const property of required)
          if (!new RegExp(`\\b${property}\\b`).test(body)) lost.push(`zod: ${name} lost required ${property}`);
      }
    }
    const partial = [...new Set(lost.filter((l) => / lost required /.test(l)).map((l) => l.split(" ")[1]!))].sort();
    expect(lost.filter((l) => !/ lost required /.test(l))).toEqual([]);
    expect(partial).toEqual(ZOD_CLIENT_PARTIAL[id]);
  });

  it("types smSend's plain-text login replies as strings in both outputs", () => {
    const types = Object.entries(heyApi.smsend!).find(([file]) => file.endsWith("types.gen.ts"))![1];
    for (const operation of ["AuthLoginResponses", "AuthGetTokenResponses"]) {
      const block = new RegExp(`export type ${operation} = \\{[^}]*?200: ([^;]+);`, "s").exec(types);
      expect(block?.[1], operation).toMatch(/^(string|SessionKeyPair|AccessTokenPair)$/);
    }
    for (const route of ["/login", "/token"]) {
      const endpoint = new RegExp(`path: "${route}",[\\s\\S]*?response: ([^,\\n]+)`).exec(zod.smsend!);
      expect(endpoint?.[1], route).toMatch(/^(z\.string\(\)|SessionKeyPair|AccessTokenPair)/);
    }
    // The named schemas behind them are strings too.
    expect(types).toMatch(/export type SessionKeyPair = string;/);
    expect(zod.smsend).toMatch(/const SessionKeyPair = z\s*\.string\(\)/);
  });
});

describe("Redocly's no-ambiguous-paths", () => {
  it.each(providers.map((p) => [p.id] as const))("%s: reports exactly the recorded pairs, each recorded with a reason", async (id) => {
    const config = await createConfig({ rules: { "no-ambiguous-paths": "error" } });
    const problems = await lint({ ref: documentPath(id), config });
    const reported = problems
      .filter((p) => p.ruleId === "no-ambiguous-paths")
      .map((p) =>
        [...p.message.matchAll(/`([^`]+)`/g)]
          .map((m) => m[1]!)
          .sort()
          .join(" | "),
      )
      .sort();
    const recorded = (documents[id]!["x-ambiguous-paths"] ?? []) as { paths: string[]; reason: string }[];
    for (const entry of recorded) expect(entry.reason?.length ?? 0, entry.paths.join(" | ")).toBeGreaterThan(40);
    expect(reported).toEqual(recorded.map((entry) => [...entry.paths].sort().join(" | ")).sort());
  });
});
