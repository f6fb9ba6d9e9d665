/**
 * Code samples for every operation and webhook, made from the spec's own examples (the first
 * request example, and each parameter's example): TypeScript with this package's client, curl,
 * and the bare `fetch` call for people who use no client. They go on the docs page as Redoc's
 * `x-codeSamples` (generator/docs.ts); test/docs/samples.test.ts compiles every TypeScript and
 * JavaScript sample found on the built page.
 *
 * URLs and request bodies come from the runtime's own request builder, so a sample sends exactly
 * what the client would.
 *
 * Over 150 lines on purpose: the three sample writers (TypeScript, curl, fetch) and their shared
 * auth table sit side by side so that they stay alike.
 */
import fs from "node:fs";
import path from "node:path";
import type { OpenApiDocument } from "./bundle.js";
import { resolveRef, type Json } from "./document.js";
import { exampleInput } from "./examples.js";
import type { ApiModel, OperationModel } from "./model.js";
import { repoRoot, type Provider } from "./providers.js";
import { camelCase } from "../runtime/bind.js";
import { splitInput } from "../runtime/input.js";
import { buildUrl } from "../runtime/request.js";

export interface CodeSample {
  lang: "TypeScript" | "JavaScript" | "Shell";
  label: string;
  source: string;
}

const packageName = (JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { name: string }).name;

/** How each provider's samples authenticate; placeholders, never real keys. */
const AUTH: Record<
  Provider["id"],
  { client: string; variable: string; curl: string[]; fetch: string[]; note?: string; publicNote?: string }
> = {
  clicksend: {
    client: `{ username: "YOUR_USERNAME", apiKey: "YOUR_API_KEY" }`,
    variable: "clickSend",
    curl: [`--user "$CLICKSEND_USERNAME:$CLICKSEND_API_KEY"`],
    fetch: ['Authorization: `Basic ${btoa("YOUR_USERNAME:YOUR_API_KEY")}`,'],
  },
  smsend: {
    client: `{ username: "YOUR_USERNAME", password: "YOUR_PASSWORD" }`,
    variable: "smSend",
    curl: [`--header "user_key: $SMSEND_USER_KEY"`, `--header "Session_key: $SMSEND_SESSION_KEY"`],
    fetch: [`user_key: "YOUR_USER_KEY",`, `Session_key: "YOUR_SESSION_KEY",`],
    note: "// Logs in with GET /login and keeps the keys; see Authentication for the other ways.",
    publicNote: "// The client makes this call itself when created with a password; call it to hold the keys yourself.",
  },
};

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A value as a TypeScript literal, indented, one property per line once it gets long. */
export function literal(value: unknown, indent = ""): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== "object" || flat.length + indent.length <= 72) return toLiteral(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => `${inner}${literal(item, inner)},`).join("\n")}\n${indent}]`;
  const entries = Object.entries(value as Json).map(
    ([key, item]) => `${inner}${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${literal(item, inner)},`,
  );
  return `{\n${entries.join("\n")}\n${indent}}`;
}

function toLiteral(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toLiteral).join(", ")}]`;
  const entries = Object.entries(value as Json).map(
    ([key, item]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${toLiteral(item)}`,
  );
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Whether the reply is ClickSend's envelope (a few operations opt out with `x-clicksend-envelope: false`). */
function enveloped(document: OpenApiDocument, provider: Provider, op: OperationModel): boolean {
  const operation = resolveRef<Json>(document, document.paths?.[op.path])[op.method] as Json;
  return provider.envelope && op.parseAs === "json" && operation["x-clicksend-envelope"] !== false;
}

function typescriptSample(provider: Provider, op: OperationModel, input: Json, envelope: boolean): CodeSample {
  const auth = AUTH[provider.id];
  const factory = `${provider.runtime.async ? "await " : ""}${provider.factory}(${auth.client})`;
  const call = `await ${auth.variable}.${camelCase(op.namespace)}.${camelCase(op.action)}(${Object.keys(input).length > 0 ? literal(input) : ""})`;
  const use =
    op.parseAs === "none"
      ? [`${call};`]
      : envelope
        ? [`const reply = ${call};`, "console.log(reply.response_code, reply.data);"]
        : [`const reply = ${call};`, "console.log(reply);"];
  const notes = [auth.note, op.authenticated ? undefined : auth.publicNote].filter((note) => note !== undefined);
  const lines = [
    `import { ${provider.factory} } from "${packageName}/${provider.id}";`,
    "",
    ...notes,
    `const ${auth.variable} = ${factory};`,
    ...use,
  ];
  return { lang: "TypeScript", label: "TypeScript", source: `${lines.join("\n")}\n` };
}

function curlSample(provider: Provider, op: OperationModel, url: string, params: ReturnType<typeof splitInput>): CodeSample {
  const lines = [`curl --request ${op.method.toUpperCase()} ${shellQuote(url)}`];
  if (op.authenticated) lines.push(...AUTH[provider.id].curl);
  for (const [name, value] of Object.entries(params.params.header)) lines.push(`--header ${shellQuote(`${name}: ${String(value)}`)}`);
  if (params.body !== undefined) {
    lines.push(`--header 'Content-Type: application/json'`, `--data ${shellQuote(JSON.stringify(params.body, null, 2))}`);
  }
  return { lang: "Shell", label: "curl", source: `${lines.join(" \\\n  ")}\n` };
}

function fetchSample(provider: Provider, op: OperationModel, url: string, params: ReturnType<typeof splitInput>): CodeSample {
  const headers = [
    ...(op.authenticated ? AUTH[provider.id].fetch : []),
    ...Object.entries(params.params.header).map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(String(value))},`),
    ...(params.body !== undefined ? [`"Content-Type": "application/json",`] : []),
  ];
  const init = [
    `  method: "${op.method.toUpperCase()}",`,
    ...(headers.length > 0 ? ["  headers: {", ...headers.map((h) => `    ${h}`), "  },"] : []),
    ...(params.body !== undefined ? [`  body: JSON.stringify(${literal(params.body, "  ")}),`] : []),
  ];
  const read = { json: "await response.json()", text: "await response.text()", blob: "await response.blob()", none: undefined }[op.parseAs];
  const lines = [
    `const response = await fetch(${JSON.stringify(url)}, {`,
    ...init,
    "});",
    `if (!response.ok) throw new Error(\`${provider.title} replied \${response.status}\`);`,
    ...(read ? [`const reply = ${read};`, "console.log(reply);"] : []),
  ];
  return { lang: "JavaScript", label: "fetch", source: `${lines.join("\n")}\n` };
}

/** TypeScript, curl and fetch samples of one operation. */
export function operationSamples(document: OpenApiDocument, provider: Provider, model: ApiModel, op: OperationModel): CodeSample[] {
  const input = exampleInput(document, op);
  // The model's operation is the contract's OperationSpec: the runtime's own code builds the URL.
  const request = splitInput(op.operationId, op, input);
  const url = buildUrl(model.defaultServer, op, request.params);
  return [
    typescriptSample(provider, op, input, enveloped(document, provider, op)),
    curlSample(provider, op, url, request),
    fetchSample(provider, op, url, request),
  ];
}

/** A handler that checks a received webhook with `parseWebhook`, and a curl call replaying one. */
export function webhookSamples(document: OpenApiDocument, provider: Provider, name: string): CodeSample[] {
  const operation = ((document.webhooks as Record<string, Json>)[name]!.post ?? {}) as Json;
  const content = (resolveRef<Json>(document, operation.requestBody)?.content ?? {}) as Record<string, Json>;
  const [mediaType = "application/json", media = {}] = Object.entries(content)[0] ?? [];
  const examples = Object.values((media.examples ?? {}) as Json).map((raw) => resolveRef<Json>(document, raw).value);
  const example = (examples[0] ?? media.example ?? {}) as Json;
  const handler = `on${name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}`;
  const typescript = [
    `import { parseWebhook, WebhookPayloadError } from "${packageName}/${provider.id}/webhooks";`,
    "",
    `// The handler behind the URL of your rule (any server whose requests are Fetch API Requests).`,
    `export async function ${handler}(request: Request): Promise<Response> {`,
    "  try {",
    `    const payload = parseWebhook(${JSON.stringify(name)}, {`,
    "      body: await request.text(),",
    `      contentType: request.headers.get("content-type") ?? undefined,`,
    "    });",
    "    console.log(payload);",
    "    return new Response(null, { status: 204 });",
    "  } catch (error) {",
    "    if (error instanceof WebhookPayloadError) return new Response(error.message, { status: 400 });",
    "    throw error;",
    "  }",
    "}",
  ];
  const target = `https://your-server.example/${provider.id}/${name}`;
  const curl = [`curl --request POST ${shellQuote(target)}`];
  if (mediaType === "application/x-www-form-urlencoded") {
    for (const [key, value] of Object.entries(example)) curl.push(`--data-urlencode ${shellQuote(`${key}=${String(value)}`)}`);
  } else {
    curl.push(`--header ${shellQuote(`Content-Type: ${mediaType}`)}`, `--data ${shellQuote(JSON.stringify(example, null, 2))}`);
  }
  return [
    { lang: "TypeScript", label: "TypeScript", source: `${typescript.join("\n")}\n` },
    {
      lang: "Shell",
      label: "curl",
      source: `# What ${provider.title.split(" ")[0]} sends to your URL: replay it against your handler.\n${curl.join(" \\\n  ")}\n`,
    },
  ];
}
