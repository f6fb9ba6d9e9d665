/**
 * Emit step for generated/<provider>/operations.ts: one exported function per operation, each
 * carrying its own route (the same terse entry as the client's operation table), called on a
 * base client (runtime/clicksend-base.ts). A bundler keeps only the functions an application
 * imports, where the namespaced client carries every operation.
 *
 *   const cs = createClickSendBase({ username, apiKey });
 *   await smsSend(cs, { body: { messages: [...] } });
 */
import type { Project, SourceFile } from "ts-morph";
import { camelCase } from "../../runtime/bind.js";
import type { ApiModel } from "../model.js";
import type { Provider } from "../providers.js";
import { entrySource, newFile, operationDocLines, RUNTIME } from "./shared.js";

/** The providers with a base client in the runtime, and where it is. */
const BASES: Partial<Record<Provider["id"], { module: string; factory: string; options: string; type: string }>> = {
  clicksend: { module: RUNTIME.clickSendBase, factory: "createClickSendBase", options: "ClickSendOptions", type: "ClickSendBase" },
};

/** `sms/send` → `smsSend`, `contact-lists/get` → `contactListsGet`. */
export function functionName(operationId: string): string {
  return camelCase(operationId.replace("/", "-"));
}

/** The module, or undefined for a provider without a base client. */
export default function emitOperations(project: Project, provider: Provider, model: ApiModel): SourceFile | undefined {
  const base = BASES[provider.id];
  if (!base) return undefined;
  const file = newFile(project, "operations.ts");
  file.addImportDeclaration({
    moduleSpecifier: base.module,
    namedImports: [{ name: base.factory, alias: "createBase" }, `type ${base.type}`, `type ${base.options}`],
  });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: RUNTIME.public, namedImports: ["CallOptions"] });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: "./client.js", namedImports: ["Input", "Reply"] });
  file.addExportDeclaration({ isTypeOnly: true, namedExports: [base.type, base.options] });
  file.addFunction({
    isExported: true,
    name: base.factory,
    docs: ["The base client every operation function takes: credentials and settings, no operations."],
    parameters: [{ name: "options", type: base.options }],
    returnType: base.type,
    statements: `return createBase(options, ${JSON.stringify(model.defaultServer)});`,
  });
  const names = new Map<string, string>();
  // One insertion for all of them: ts-morph re-parses the file after every insertion, so adding
  // the functions one by one costs time quadratic in the number of operations.
  file.addFunctions(
    model.operations.map((op) => {
      const name = functionName(op.operationId);
      const taken = names.get(name);
      if (taken) throw new Error(`operations.ts: ${op.operationId} and ${taken} would both be ${name}()`);
      names.set(name, op.operationId);
      const id = JSON.stringify(op.operationId);
      return {
        isExported: true,
        name,
        docs: [operationDocLines(op).join("\n")],
        parameters: [
          { name: "client", type: base.type },
          { name: "input", hasQuestionToken: !op.inputRequired, type: `Input<${id}>` },
          { name: "options", hasQuestionToken: true, type: "CallOptions" },
        ],
        returnType: `Promise<Reply<${id}>>`,
        statements: `return client.call(${id}, ${entrySource(op)}, input, options) as Promise<Reply<${id}>>;`,
      };
    }),
  );
  return file;
}
