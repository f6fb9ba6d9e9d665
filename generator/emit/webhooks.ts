/**
 * generated/<provider>/webhooks.ts, the webhook entry point: kept out of index.ts because it
 * carries the payload validators (webhook-validators.ts, compiled at build time), which a client
 * that only sends messages should not load.
 */
import { VariableDeclarationKind, type Project, type SourceFile } from "ts-morph";
import type { ApiModel } from "../model.js";
import { newFile, RUNTIME } from "./shared.js";

export default function emitWebhooks(project: Project, model: ApiModel): SourceFile {
  const file = newFile(project, "webhooks.ts");
  file.addImportDeclaration({ moduleSpecifier: "./webhook-validators.js", namedImports: ["webhookValidators"] });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: ["webhooks"] });
  file.addImportDeclaration({ moduleSpecifier: RUNTIME.webhooks, namedImports: ["createWebhookParser"] });
  file.addTypeAlias({
    isExported: true,
    name: "WebhookName",
    docs: ["Every webhook the provider may call, by name."],
    type: "keyof webhooks",
  });
  file.addTypeAlias({
    isExported: true,
    name: "WebhookPayloads",
    docs: ["The payload of each webhook: the form-field shape or the JSON shape, whichever the rule's webhook_type sends."],
    type: `{ [N in WebhookName]: NonNullable<webhooks[N]["post"]["requestBody"]>["content"][keyof NonNullable<webhooks[N]["post"]["requestBody"]>["content"]] }`,
  });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [
      `Parses and checks a received webhook (${model.webhooks.map((name) => `\`${name}\``).join(", ")}); throws WebhookPayloadError when it does not match the spec.`,
    ],
    declarations: [{ name: "parseWebhook", initializer: "createWebhookParser<WebhookPayloads>(webhookValidators)" }],
  });
  file.addExportDeclaration({ moduleSpecifier: RUNTIME.webhooks, namedExports: ["WebhookPayloadError", "type ReceivedWebhook"] });
  return file;
}
