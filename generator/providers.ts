/**
 * The two APIs this project describes, and where each one's files live. Every step of the
 * pipeline takes a Provider, so adding a third API is one entry here plus its specs.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface Provider {
  /** Folder name under specs/ and generated/, and the Redocly API alias prefix. */
  id: "clicksend" | "smsend";
  /** Human name used in generated comments and docs titles. */
  title: string;
  /** The API's alias in redocly.yaml (its per-API docs settings live there). */
  redoclyAlias: string;
  /** Name of the factory function the generated client exports. */
  factory: string;
  /** Name of the client interface the generated client exports. */
  clientType: string;
  /** The runtime function the factory delegates to, and its options type (runtime/index.ts). */
  runtime: { factory: string; options: string; async: boolean };
  /** Extra members of the client interface, beyond the operation groups and `raw`, and the
   * runtime types they mention. */
  extraMembers: string[];
  extraTypes: string[];
  /** Whether replies are wrapped in ClickSend's envelope (emits envelope.ts). */
  envelope: boolean;
  /**
   * Other gateways serving the same API (smSend's REST v1.0 family): their overlays live in
   * specs/<id>/brands/, each gives generated/<id>/<brand>.openapi.json, and the client is generic
   * in the brand, whose codes replace those of the schema named here wherever requests and
   * replies use it. `default` is the brand the spec itself describes.
   */
  brands?: { default: string; codes: string };
  root: string;
  spectralRuleset: string;
}

type ProviderSettings = Omit<Provider, "root" | "spectralRuleset">;

function provider(settings: ProviderSettings): Provider {
  return {
    ...settings,
    root: path.join(repoRoot, "specs", settings.id, "openapi.yaml"),
    spectralRuleset: path.join(repoRoot, "specs", settings.id, ".spectral.yaml"),
  };
}

export const providers: readonly Provider[] = [
  provider({
    id: "clicksend",
    title: "ClickSend REST v3",
    redoclyAlias: "clicksend@v3",
    factory: "createClickSendClient",
    clientType: "ClickSendClient",
    runtime: { factory: "createClickSendRuntime", options: "ClickSendOptions", async: false },
    extraMembers: [],
    extraTypes: [],
    envelope: true,
  }),
  provider({
    id: "smsend",
    title: "smSend REST v1.0",
    redoclyAlias: "smsend@v1",
    factory: "createSmSendClient",
    clientType: "SmSendClient",
    runtime: { factory: "createSmSendRuntime", options: "SmSendOptions", async: true },
    extraMembers: [
      "/** The keys in use (to store an access token and skip the next login). Never serialized with the client. */\ncurrentKeys(): SmSendKeys | undefined;",
    ],
    extraTypes: ["SmSendKeys"],
    envelope: false,
    brands: { default: "smsend", codes: "MessageType" },
  }),
];

/** Path relative to the repository root, with forward slashes, for messages and headers. */
export function relative(file: string): string {
  return path.relative(repoRoot, file).split(path.sep).join("/");
}

/** Where a provider's brand overlays live (see Provider.brands). */
export function brandsDir(provider: Provider): string {
  return path.join(path.dirname(provider.root), "brands");
}

/** The brand ids of a provider, from its overlay files, sorted. */
export function brandIds(provider: Provider): string[] {
  const dir = brandsDir(provider);
  if (!provider.brands || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".overlay.yaml"))
    .map((name) => name.slice(0, -".overlay.yaml".length))
    .sort();
}
