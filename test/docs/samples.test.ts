/**
 * The code samples as the built pages carry them: every operation has a TypeScript, a curl and a
 * fetch sample, every webhook a TypeScript and a curl sample (in its description too, where Redoc
 * shows them), and every TypeScript and fetch
 * sample, and every TypeScript block of the guide, compiles (strict) against the package as users import it (`sms-gateway-openapi/...`
 * resolves through package.json's exports to dist/lib). All of them are compiled in one
 * in-memory program (test/support/type-check.ts, which keeps the result while nothing it read
 * changed).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { providers, repoRoot } from "../../generator/providers.js";
import { loadSpec } from "../support/openapi.js";
import { pageDefinition, type PageSample } from "../support/docs-page.js";
import typeCheck from "../support/type-check.js";

interface Compiled {
  file: string;
  where: string;
  source: string;
}

const pages = providers.map((provider) => ({ provider, definition: pageDefinition(provider.id), spec: loadSpec(provider.id) }));

function samplesOf(node: { "x-codeSamples"?: PageSample[] } | undefined): PageSample[] {
  return node?.["x-codeSamples"] ?? [];
}

/** Every compilable sample of every page, as a virtual module beside the tests. */
function compilable(): Compiled[] {
  const out: Compiled[] = [];
  for (const { provider, definition, spec } of pages) {
    const add = (where: string, samples: PageSample[]) =>
      samples
        .filter((s) => s.lang === "TypeScript" || s.lang === "JavaScript")
        .forEach((s, i) =>
          out.push({
            file: path.join(repoRoot, "test", "docs", ".samples", provider.id, `${out.length}-${i}.ts`),
            where: `${provider.id} ${where} (${s.label})`,
            source: `${s.source}\nexport {};\n`,
          }),
        );
    for (const op of spec.model.operations) add(op.operationId, samplesOf(definition.paths[op.path]?.[op.method]));
    for (const name of spec.model.webhooks) add(`webhook ${name}`, samplesOf(definition.webhooks[name]?.post));
    // The guide's own TypeScript blocks (info.description) compile too.
    const blocks = [...String(definition.info.description).matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => ({
      lang: "TypeScript",
      label: "TypeScript",
      source: m[1]!,
    }));
    add("guide", blocks);
  }
  return out;
}

function diagnostics(files: Compiled[]): string[] {
  const where = new Map(files.map((f) => [f.file, f.where]));
  const problems = typeCheck("docs-samples", { roots: files.map((f) => f.file), virtual: new Map(files.map((f) => [f.file, f.source])) });
  return problems.map((p) => `${where.get(p.file) ?? "options and globals"}, line ${p.line}: ${p.message}`);
}

describe("code samples on the docs pages", () => {
  it.each(pages.map((p) => [p.provider.id, p] as const))(
    "%s: every operation has TypeScript, curl and fetch samples; every webhook TypeScript and curl",
    (_, { definition, spec }) => {
      const missing: string[] = [];
      for (const op of spec.model.operations) {
        const labels = samplesOf(definition.paths[op.path]?.[op.method]).map((s) => s.label);
        for (const wanted of ["TypeScript", "curl", "fetch"]) if (!labels.includes(wanted)) missing.push(`${op.operationId}: ${wanted}`);
      }
      for (const name of spec.model.webhooks) {
        const post = definition.webhooks[name]?.post;
        const labels = samplesOf(post).map((s) => s.label);
        for (const wanted of ["TypeScript", "curl"]) if (!labels.includes(wanted)) missing.push(`webhook ${name}: ${wanted}`);
        // Redoc shows no sample panel for webhooks: the samples must be in the description too.
        for (const sample of samplesOf(post))
          if (!String(post.description).includes(sample.source)) missing.push(`webhook ${name}: ${sample.label} not in the description`);
      }
      expect(spec.model.operations.length).toBeGreaterThan(0);
      expect(missing).toEqual([]);
    },
  );

  it("every TypeScript and fetch sample compiles against the package, and a wrong call does not", () => {
    const files = compilable();
    const typescript = files.filter((f) => f.where.endsWith("(TypeScript)")).length;
    console.log(`compiling ${files.length} samples (${typescript} TypeScript, ${files.length - typescript} fetch)`);
    // A control per provider: its first TypeScript sample with a method that does not exist must
    // fail, or the program is not reading the package's types at all.
    const controls = pages.map(({ provider }) => {
      const first = files.find((f) => f.where.startsWith(`${provider.id} `) && f.where.endsWith("(TypeScript)"))!;
      const variable = /const (\w+) = /.exec(first.source)![1];
      return {
        ...first,
        file: first.file.replace(/\.ts$/, ".control.ts"),
        where: `control ${provider.id}`,
        source: `${first.source}\nvoid ${variable}.notAnOperation;\n`,
      };
    });
    const found = diagnostics([...files, ...controls]);
    for (const control of controls)
      expect(found.filter((d) => d.startsWith(control.where))).toEqual([expect.stringContaining("notAnOperation")]);
    expect(found.filter((d) => !d.startsWith("control "))).toEqual([]);
  }, 120_000);
});
