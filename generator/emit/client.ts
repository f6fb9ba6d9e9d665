/**
 * generated/<provider>/client.ts: the operation table as data (the contract's entries), the
 * typed client interface, the factory. openapi-typescript's `schema.d.ts` supplies every type.
 */
import { VariableDeclarationKind, type Project, type SourceFile } from "ts-morph";
import { camelCase } from "../../runtime/bind.js";
import type { ApiModel } from "../model.js";
import type { Provider } from "../providers.js";
import { byNamespace, methodSignature, replyType } from "./client-members.js";
import { entrySource, jsdoc, newFile, RUNTIME } from "./shared.js";

export default function emitClient(project: Project, provider: Provider, model: ApiModel): SourceFile {
  const file = newFile(project, "client.ts");
  // A provider served by several brands gets a client generic in the brand (see Provider.brands).
  const brand = provider.brands;
  const typeArgs = brand ? ", B" : "";
  const brandParameter = brand ? [`B extends Brand = ${JSON.stringify(brand.default)}`] : [];
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: "openapi-fetch", namedImports: ["Client"] });
  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: "./schema.js",
    namedImports: [...(brand ? ["components"] : []), "operations", "paths"],
  });
  if (brand) file.addImportDeclaration({ moduleSpecifier: "./brands.js", namedImports: ["brands", "type Brand", "type BrandMessageType"] });
  file.addImportDeclaration({
    moduleSpecifier: RUNTIME.internal,
    namedImports: [
      provider.runtime.factory,
      ...(brand ? ["brandBaseUrl"] : []),
      ...[
        "CallOptions",
        "OperationEntries",
        "OperationInput",
        "PageItem",
        "PageOptions",
        provider.runtime.options,
        ...provider.extraTypes,
        ...(brand ? ["Rebrand"] : []),
      ].map((name) => `type ${name}`),
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
        initializer: `{\n${model.operations.map((op) => `  "${op.operationId}": ${entrySource(op)},`).join("\n")}\n} as const satisfies OperationEntries`,
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
  file.addTypeAlias({
    isExported: true,
    name: "Reply",
    typeParameters: ["K extends OperationId", ...brandParameter],
    type: brand ? "Branded<Replies[K], B>" : "Replies[K]",
  });

  const groups = [...byNamespace(model)].map(([namespace, ops]) => {
    const tag = model.tags[namespace];
    const doc = tag ? `${jsdoc([`${tag.displayName}: ${tag.description}`])}\n` : "";
    return `${doc}readonly ${camelCase(namespace)}: {\n${ops.map((op) => methodSignature(op, typeArgs)).join("\n")}\n};`;
  });
  file
    .addInterface({
      isExported: true,
      name: provider.clientType,
      typeParameters: brandParameter,
      docs: [
        `A typed client for ${model.title}: one method per operation, grouped by tag.${brand ? " `B` is the brand of gateway it talks to." : ""}`,
      ],
    })
    .addMember(
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
        (brand
          ? ` \`brand\` picks the gateway (its default base URL and its \`message_type\` codes; default ${JSON.stringify(brand.default)}).`
          : ""),
    ],
    parameters: [{ name: "options", type: brand ? `${provider.runtime.options} & { brand?: B }` : provider.runtime.options }],
    returnType: returns,
    // The runtime builds the method groups from operationTable at run time; this interface is
    // their static type, generated from the same table.
    statements: `return (${provider.runtime.async ? "await " : ""}${call}) as unknown as ${clientType};`,
  });
  return file;
}
