/**
 * Emit step (ts-morph): operation model → the client files of generated/<provider>/:
 * - client.ts: the operation table as data, the typed client interface, the factory;
 * - envelope.ts (ClickSend): the envelope type and each operation's `data` type;
 * - index.ts: the public entry point.
 * openapi-typescript's `schema.d.ts` supplies every type; nothing here re-describes a schema.
 */
import { Project, VariableDeclarationKind, type SourceFile } from "ts-morph";
import { generatedHeader } from "./header.js";
import { camelCase } from "../runtime/operations.js";
import { pointerTokens } from "../runtime/pointer.js";
import emitOperations from "./emit-operations.js";
import type { ApiModel, OperationModel } from "./model.js";
import type { Provider } from "./providers.js";

const RUNTIME = "../../runtime/index.js";

function newFile(project: Project, name: string): SourceFile {
  return project.createSourceFile(name, "", { overwrite: true });
}

export function jsdoc(lines: string[]): string {
  const body = lines.flatMap((line) => line.split("\n")).map((line) => (line ? ` * ${line.replace(/\*\//g, "*\\/")}` : " *"));
  return `/**\n${body.join("\n")}\n */`;
}

/** `["METHOD /path", { only what differs from runtime/operations.ts's defaults }]`. */
export function operationEntry(op: OperationModel): string {
  const extras: Record<string, unknown> = {};
  if (op.queryParams.length > 0) extras.query = op.queryParams;
  if (op.headerParams.length > 0) extras.header = op.headerParams;
  if (op.body !== "none") extras.body = op.body;
  if (op.parseAs !== "json") extras.parseAs = op.parseAs;
  if (!op.authenticated) extras.public = true;
  if (op.idempotent !== (op.method === "get" || op.method === "head")) extras.idempotent = op.idempotent;
  if (op.pagination) extras.pagination = op.pagination;
  const route = JSON.stringify(`${op.method.toUpperCase()} ${op.path}`);
  return Object.keys(extras).length > 0 ? `[${route}, ${JSON.stringify(extras)}]` : `[${route}]`;
}

/** `typeArgs` is "" or ", B" (a brand-generic client passes its brand on to Input and Reply). */
function methodSignature(op: OperationModel, typeArgs: string): string {
  const doc = jsdoc([
    op.summary,
    "",
    `\`${op.method.toUpperCase()} ${op.path}\` — operationId \`${op.operationId}\``,
    ...(op.deprecated ? ["@deprecated The provider marks this operation deprecated."] : []),
  ]);
  const input = `input${op.inputRequired ? "" : "?"}: Input<"${op.operationId}"${typeArgs}>`;
  const call = `(${input}, options?: CallOptions): Promise<Reply<"${op.operationId}"${typeArgs}>>`;
  if (!op.pagination) return `${doc}\n${camelCase(op.action)}${call};`;
  const path = pointerTokens(op.pagination.items).map((token) => JSON.stringify(token));
  const item = `PageItem<Reply<"${op.operationId}"${typeArgs}>, [${path.join(", ")}]>`;
  const all = `/** Every item of every page, fetched page by page as you iterate. */\nall(${input}, options?: CallOptions & PageOptions): AsyncGenerator<${item}, void, undefined>;`;
  return `${doc}\n${camelCase(op.action)}: {\n${call};\n${all}\n};`;
}

function byNamespace(model: ApiModel): Map<string, OperationModel[]> {
  const groups = new Map<string, OperationModel[]>();
  for (const op of model.operations) groups.set(op.namespace, [...(groups.get(op.namespace) ?? []), op]);
  return groups;
}

function replyType(op: OperationModel): string {
  const content = op.success.contentType ? `["content"]["${op.success.contentType}"]` : "";
  return content ? `operations["${op.operationId}"]["responses"][${op.success.status}]${content}` : "undefined";
}

function emitClientFile(project: Project, provider: Provider, model: ApiModel): SourceFile {
  const file = newFile(project, "client.ts");
  // A provider served by several brands gets a client generic in the brand (see Provider.brands).
  const brand = provider.brands;
  const typeArgs = brand ? ", B" : "";
  const brandParameter = brand ? [`B extends Brand = ${JSON.stringify(brand.default)}`] : [];
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: "openapi-fetch", namedImports: ["Client"] });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: [...(brand ? ["components"] : []), "operations", "paths"] });
  if (brand) file.addImportDeclaration({ moduleSpecifier: "./brands.js", namedImports: ["brands", "type Brand", "type BrandMessageType"] });
  file.addImportDeclaration({
    moduleSpecifier: RUNTIME,
    namedImports: [
      provider.runtime.factory,
      ...(brand ? ["brandBaseUrl"] : []),
      ...["CallOptions", "OperationEntries", "OperationInput", "PageItem", "PageOptions", provider.runtime.options, ...provider.extraTypes, ...(brand ? ["Rebrand"] : [])].map((name) => `type ${name}`),
    ],
  });

  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`Server used when no \`baseUrl\` is given: the first server of the bundled document.`],
    declarations: [{ name: "DEFAULT_BASE_URL", initializer: JSON.stringify(model.defaultServer) }],
  });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: ["Every operation of the bundled document, as data the runtime binds into methods (see OperationEntry)."],
    declarations: [
      {
        name: "operationTable",
        initializer: `{\n${model.operations.map((op) => `  "${op.operationId}": ${operationEntry(op)},`).join("\n")}\n} as const satisfies OperationEntries`,
      },
    ],
  });
  file.addTypeAlias({ isExported: true, name: "OperationId", type: "keyof typeof operationTable" });
  if (brand) {
    file.addTypeAlias({
      isExported: true,
      name: "Branded",
      typeParameters: ["T", "B extends Brand"],
      docs: [`\`T\` as brand \`B\` types it: that brand's \`${brand.codes}\` codes wherever the spec uses its own.`],
      type: `[B] extends [${JSON.stringify(brand.default)}] ? T : Rebrand<T, components["schemas"][${JSON.stringify(brand.codes)}], BrandMessageType<B>>`,
    });
  }
  file.addTypeAlias({
    isExported: true,
    name: "Input",
    typeParameters: ["K extends OperationId", ...brandParameter],
    docs: ["What a method takes: path, query and header parameters by name, and the body under `body`."],
    type: brand ? `Branded<OperationInput<operations[K]>, B>` : `OperationInput<operations[K]>`,
  });
  file.addInterface({
    isExported: true,
    name: "Replies",
    docs: ["The success reply of every operation, by operationId."],
    properties: model.operations.map((op) => ({ name: `"${op.operationId}"`, type: replyType(op) })),
  });
  file.addTypeAlias({ isExported: true, name: "Reply", typeParameters: ["K extends OperationId", ...brandParameter], type: brand ? "Branded<Replies[K], B>" : "Replies[K]" });

  const groups = [...byNamespace(model)].map(([namespace, ops]) => {
    const tag = model.tags[namespace];
    const doc = tag ? `${jsdoc([`${tag.displayName}: ${tag.description}`])}\n` : "";
    return `${doc}readonly ${camelCase(namespace)}: {\n${ops.map((op) => methodSignature(op, typeArgs)).join("\n")}\n};`;
  });
  file.addInterface({
    isExported: true,
    name: provider.clientType,
    typeParameters: brandParameter,
    docs: [`A typed client for ${model.title}: one method per operation, grouped by tag.${brand ? " `B` is the brand of gateway it talks to." : ""}`],
  }).addMember(
    [
      ...groups,
      `/** The underlying openapi-fetch client, typed by \`paths\`, for anything the methods do not cover. */\nreadonly raw: Client<paths>;`,
      ...provider.extraMembers,
    ].join("\n"),
  );

  const clientType = `${provider.clientType}${brand ? "<B>" : ""}`;
  const returns = provider.runtime.async ? `Promise<${clientType}>` : clientType;
  const baseUrl = brand ? "brandBaseUrl(brands, options.brand)" : "DEFAULT_BASE_URL";
  const call = `${provider.runtime.factory}<paths>(options, operationTable, ${baseUrl})`;
  file.addFunction({
    isExported: true,
    isAsync: provider.runtime.async,
    name: provider.factory,
    typeParameters: brandParameter,
    docs: [
      `Creates a ${provider.title} client.${provider.runtime.async ? " Logs in first when given a username and password." : ""}` +
        (brand ? ` \`brand\` picks the gateway (its default base URL and its \`message_type\` codes; default ${JSON.stringify(brand.default)}).` : ""),
    ],
    parameters: [{ name: "options", type: brand ? `${provider.runtime.options} & { brand?: B }` : provider.runtime.options }],
    returnType: returns,
    // The runtime builds the method groups from operationTable at run time; this interface is
    // their static type, generated from the same table.
    statements: `return (${provider.runtime.async ? "await " : ""}${call}) as unknown as ${clientType};`,
  });
  return file;
}

function emitEnvelope(project: Project, provider: Provider): SourceFile {
  const file = newFile(project, "envelope.ts");
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: ["components"] });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: "./client.js", namedImports: ["OperationId", "Replies"] });
  file.addTypeAlias({
    isExported: true,
    name: "Envelope",
    typeParameters: ["TData = unknown"],
    docs: ["The wrapper of every ClickSend JSON reply, with `data` narrowed to `TData`."],
    type: `Omit<components["schemas"]["Envelope"], "data"> & { data: TData }`,
  });
  file.addTypeAlias({
    isExported: true,
    name: "ReplyData",
    typeParameters: ["K extends OperationId"],
    docs: ["The `data` inside an operation's envelope, e.g. `ReplyData<\"sms/send\">`."],
    type: `Replies[K] extends { data: infer D } ? D : never`,
  });
  return file;
}

/** The webhook entry point: kept out of index.ts because it carries the payload validators
 * (webhook-validators.ts, compiled at build time), which a client that only sends messages should not load. */
function emitWebhooks(project: Project, model: ApiModel): SourceFile {
  const file = newFile(project, "webhooks.ts");
  file.addImportDeclaration({ moduleSpecifier: "./webhook-validators.js", namedImports: ["webhookValidators"] });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: ["webhooks"] });
  file.addImportDeclaration({ moduleSpecifier: `${RUNTIME.replace("index.js", "webhooks.js")}`, namedImports: ["createWebhookParser"] });
  file.addTypeAlias({ isExported: true, name: "WebhookName", docs: ["Every webhook the provider may call, by name."], type: "keyof webhooks" });
  file.addTypeAlias({
    isExported: true,
    name: "WebhookPayloads",
    docs: ["The payload of each webhook: the form-field shape or the JSON shape, whichever the rule's webhook_type sends."],
    type: `{ [N in WebhookName]: NonNullable<webhooks[N]["post"]["requestBody"]>["content"][keyof NonNullable<webhooks[N]["post"]["requestBody"]>["content"]] }`,
  });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`Parses and checks a received webhook (${model.webhooks.map((name) => `\`${name}\``).join(", ")}); throws WebhookPayloadError when it does not match the spec.`],
    declarations: [{ name: "parseWebhook", initializer: "createWebhookParser<WebhookPayloads>(webhookValidators)" }],
  });
  file.addExportDeclaration({ moduleSpecifier: `${RUNTIME.replace("index.js", "webhooks.js")}`, namedExports: ["WebhookPayloadError", "type ReceivedWebhook"] });
  return file;
}

function emitIndex(project: Project, provider: Provider): SourceFile {
  const file = newFile(project, "index.ts");
  file.addExportDeclaration({ moduleSpecifier: "./client.js" });
  if (provider.brands) file.addExportDeclaration({ moduleSpecifier: "./brands.js" });
  if (provider.envelope) file.addExportDeclaration({ moduleSpecifier: "./envelope.js" });
  file.addExportDeclaration({ isTypeOnly: true, moduleSpecifier: "./schema.js", namedExports: ["components", "operations", "paths"] });
  file.addExportDeclaration({ moduleSpecifier: RUNTIME });
  return file;
}

/** Returns file name → contents for generated/<provider>/ (besides openapi.json and schema.d.ts). */
export default function emitClientFiles(provider: Provider, model: ApiModel): Record<string, string> {
  const project = new Project({ useInMemoryFileSystem: true });
  const files = [
    emitClientFile(project, provider, model),
    ...(provider.envelope ? [emitEnvelope(project, provider)] : []),
    ...(model.webhooks.length > 0 ? [emitWebhooks(project, model)] : []),
    emitIndex(project, provider),
  ];
  const operations = emitOperations(provider, model);
  if (operations) files.push(project.createSourceFile("operations.ts", operations, { overwrite: true }));
  const out: Record<string, string> = {};
  for (const file of files) {
    file.formatText({ indentSize: 2, convertTabsToSpaces: true });
    // The header goes on last, so that it stays the first line whatever ts-morph inserts on top.
    out[file.getBaseName()] = `${generatedHeader(provider.id)}\n\n${file.getFullText()}`;
  }
  return out;
}
