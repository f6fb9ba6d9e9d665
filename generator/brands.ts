/**
 * Brands step: the bundled document of an API that several gateways serve (smSend's REST v1.0
 * family) → one document per brand, and the brand table the client types read.
 *
 * Each `specs/<provider>/brands/<brand>.overlay.yaml` is an OpenAPI Overlay 1.0 document, applied
 * to a copy of the bundled document with openapi-format (a maintained overlay implementation).
 * An action whose target matches nothing stops the build: a renamed schema or example would
 * otherwise leave a brand silently with smSend's codes. Each brand document is then linted with
 * the project's Redocly rules, so its examples must match its schemas (a Skebby example still
 * sending `N` is an error).
 *
 * Over 150 lines on purpose: the brand step's three parts (overlays, each document's profile, the
 * emitted table), which generator/pipeline.ts runs in that order; a fifth of the file is the text of the emitted module.
 */
import fs from "node:fs";
import path from "node:path";
import { openapiOverlay } from "openapi-format";
import YAML from "yaml";
import { BaseResolver, lintDocument, loadConfig, Source, type Config } from "@redocly/openapi-core";
import type { OpenApiDocument } from "./bundle.js";
import { generatedHeader } from "./header.js";
import { LintFailure, type Finding } from "./findings.js";
import { brandIds, brandsDir, relative, repoRoot, type Provider } from "./providers.js";

export interface BrandDocument {
  id: string;
  /** The overlay it was made from. */
  file: string;
  document: OpenApiDocument;
}

/** What a client needs to know about a brand: read from `info.x-brand`, the first server and
 * the message-type schema of its document. */
export interface BrandProfile {
  id: string;
  name: string;
  baseUrl: string;
  /** Code → meaning, in the order of the schema's enum. */
  messageTypes: Record<string, string>;
}

type Json = Record<string, unknown>;

/** The line of an overlay file where an action's target is written, for error messages. */
function lineOf(text: string, target: string): number {
  const index = text
    .split("\n")
    .findIndex((line) => line.includes(`target: ${JSON.stringify(target)}`) || line.includes(`target: ${target}`));
  return index >= 0 ? index + 1 : 1;
}

async function lintBrand(brand: BrandDocument, config: Config): Promise<Finding[]> {
  // The document is linted as it is in memory: no text to parse again (its findings point into
  // the document, not into a file).
  const source = new Source(path.join(repoRoot, ".tmp", `${brand.id}.openapi.json`), "");
  const document = { source, parsed: brand.document };
  const problems = await lintDocument({ document, config, externalRefResolver: new BaseResolver(config.resolve) });
  return problems
    .filter((p) => p.severity === "error")
    .map((p) => ({
      file: relative(brand.file),
      line: 1,
      column: 1,
      rule: p.ruleId,
      severity: "error" as const,
      message: `in the ${brand.id} document at ${p.location[0]?.pointer ?? "#"}: ${p.message}`,
      linter: "redocly" as const,
    }));
}

/** The brand's facts and their evidence (`info.x-brand.evidence`) as a list at the end of its
 * description: the docs page does not show extensions, and a reader should see what is verified.
 * (A list, not a table: Redoc's text column is too narrow for three columns.) */
function withEvidenceList(document: OpenApiDocument): OpenApiDocument {
  const info = (document.info ?? {}) as Json;
  const evidence = (((info["x-brand"] ?? {}) as Json).evidence ?? []) as Json[];
  if (evidence.length === 0) return document;
  const items = evidence.map((e) => `- **${String(e.fact)}**, ${String(e.status)}: ${String(e.source)}`);
  const list = ["**What is known, and from where**", "", ...items].join("\n");
  return { ...document, info: { ...info, description: `${String(info.description ?? "").trimEnd()}\n\n${list}\n` } };
}

/** What applyBrandOverlays gives or throws, as data that crosses a process boundary (./worker.ts). */
export type BrandOutcome = { documents: BrandDocument[] } | { findings: Finding[] } | { error: string };

/**
 * `provider`'s brand documents made from its spec (bundled here), as an outcome. `onBundled` gets
 * the bundled document as soon as it is made (the lint child hands it to the generation, which
 * then need not bundle the spec again); it is not called when the spec fails to bundle.
 */
export async function brandOutcome(provider: Provider, onBundled: (document: OpenApiDocument) => void = () => {}): Promise<BrandOutcome> {
  try {
    const { default: bundleProvider } = await import("./bundle.js");
    const document = await bundleProvider(provider);
    onBundled(document);
    return { documents: await applyBrandOverlays(provider, document) };
  } catch (error) {
    if (error instanceof LintFailure) return { findings: error.findings };
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/** The brand documents of an outcome; throws what applyBrandOverlays threw. */
export function brandDocuments(outcome: BrandOutcome): BrandDocument[] {
  if ("findings" in outcome) throw new LintFailure(outcome.findings);
  if ("error" in outcome) throw new Error(outcome.error);
  return outcome.documents;
}

/** Applies every brand overlay of `provider` to a copy of `document`; throws LintFailure on an
 * unused action or (unless `lint` is false: a caller whose build already linted these documents)
 * an invalid brand document. */
export async function applyBrandOverlays(
  provider: Provider,
  document: OpenApiDocument,
  { lint = true }: { lint?: boolean } = {},
): Promise<BrandDocument[]> {
  const brands: BrandDocument[] = [];
  const findings: Finding[] = [];
  for (const id of brandIds(provider)) {
    const file = path.join(brandsDir(provider), `${id}.overlay.yaml`);
    const text = fs.readFileSync(file, "utf8");
    const overlaySet = YAML.parse(text) as { overlay?: string; actions?: { target: string }[] };
    if (!/^1\.0\.\d+$/.test(String(overlaySet.overlay))) {
      findings.push({
        file: relative(file),
        line: 1,
        column: 1,
        rule: "brand-overlay",
        severity: "error",
        message: `not an Overlay 1.0 document (overlay: ${String(overlaySet.overlay)})`,
        linter: "generator",
      });
      continue;
    }
    const result = await openapiOverlay(structuredClone(document) as never, { overlaySet: overlaySet as never });
    for (const action of result.resultData.unusedActions as { target: string }[]) {
      findings.push({
        file: relative(file),
        line: lineOf(text, action.target),
        column: 1,
        rule: "brand-overlay",
        severity: "error",
        message: `the target ${action.target} matches nothing in the bundled document`,
        linter: "generator",
      });
    }
    brands.push({ id, file, document: withEvidenceList(result.data as OpenApiDocument) });
  }
  if (findings.length === 0 && lint) {
    const config = await loadConfig({ configPath: path.join(repoRoot, "redocly.yaml") });
    for (const brand of brands) findings.push(...(await lintBrand(brand, config)));
  }
  if (findings.length > 0) throw new LintFailure(findings);
  return brands;
}

export function brandProfile(document: OpenApiDocument): BrandProfile {
  const info = (document.info ?? {}) as Json;
  const brand = (info["x-brand"] ?? {}) as Json;
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Json;
  const messageType = (schemas.MessageType ?? {}) as Json;
  const meanings = (messageType["x-enum-descriptions"] ?? {}) as Record<string, string>;
  const codes = (messageType.enum ?? []) as string[];
  if (typeof brand.id !== "string" || typeof brand.name !== "string" || codes.length === 0) {
    throw new Error(`${String(info.title)}: a brand document needs info.x-brand.id, info.x-brand.name and a MessageType enum`);
  }
  return {
    id: brand.id,
    name: brand.name,
    baseUrl: document.servers?.[0]?.url ?? "",
    messageTypes: Object.fromEntries(codes.map((code) => [code, meanings[code] ?? ""])),
  };
}

/** generated/<provider>/brands.ts: the brand table (the default brand first) and its types. */
export function emitBrandTable(provider: Provider, profiles: BrandProfile[]): string {
  const entries = profiles.map(
    (p) => `  ${JSON.stringify(p.id)}: ${JSON.stringify({ name: p.name, baseUrl: p.baseUrl, messageTypes: p.messageTypes })},`,
  );
  return `${generatedHeader(provider.id)}

/**
 * The gateways that serve this API, each with its default base URL and its \`message_type\` codes
 * (code → meaning), read from its bundled document (openapi.json, <brand>.openapi.json), whose
 * \`info.x-brand\` lists the evidence for each fact.
 */
export const brands = {
${entries.join("\n")}
} as const;

/** A brand id, for \`${provider.factory}({ brand })\`. */
export type Brand = keyof typeof brands;

/** The \`message_type\` codes a brand takes. */
export type BrandMessageType<B extends Brand> = keyof (typeof brands)[B]["messageTypes"] & string;
`;
}
