/**
 * Emit step for generated/<provider>/operations.ts: one exported function per operation, each
 * carrying its own route (the same terse entry as the client's operation table), called on a
 * base client (runtime/clicksend-base.ts). A bundler keeps only the functions an application
 * imports, where the namespaced client carries every operation.
 *
 *   const cs = createClickSendBase({ username, apiKey });
 *   await smsSend(cs, { body: { messages: [...] } });
 */
import { camelCase } from "../../runtime/bind.js";
import type { ApiModel } from "../model.js";
import type { Provider } from "../providers.js";
import { entrySource, operationDoc, RUNTIME } from "./shared.js";

/** The providers with a base client in the runtime, and where it is. */
const BASES: Partial<Record<Provider["id"], { module: string; factory: string; options: string; type: string }>> = {
  clicksend: { module: "../../runtime/clicksend-base.js", factory: "createClickSendBase", options: "ClickSendOptions", type: "ClickSendBase" },
};

/** `sms/send` → `smsSend`, `contact-lists/get` → `contactListsGet`. */
export function functionName(operationId: string): string {
  return camelCase(operationId.replace("/", "-"));
}

/** The module's source, or undefined for a provider without a base client. */
export default function emitOperations(provider: Provider, model: ApiModel): string | undefined {
  const base = BASES[provider.id];
  if (!base) return undefined;
  const names = new Map<string, string>();
  const functions = model.operations.map((op) => {
    const name = functionName(op.operationId);
    const taken = names.get(name);
    if (taken) throw new Error(`operations.ts: ${op.operationId} and ${taken} would both be ${name}()`);
    names.set(name, op.operationId);
    const id = JSON.stringify(op.operationId);
    return `${operationDoc(op)}
export function ${name}(client: ${base.type}, input${op.inputRequired ? "" : "?"}: Input<${id}>, options?: CallOptions): Promise<Reply<${id}>> {
  return client.call(${id}, ${entrySource(op)}, input, options) as Promise<Reply<${id}>>;
}`;
  });
  return `import { ${base.factory} as createBase, type ${base.type}, type ${base.options} } from ${JSON.stringify(base.module)};
import type { CallOptions } from ${JSON.stringify(RUNTIME.public)};
import type { Input, Reply } from "./client.js";

export type { ${base.type}, ${base.options} };

/** The base client every operation function takes: credentials and settings, no operations. */
export function ${base.factory}(options: ${base.options}): ${base.type} {
  return createBase(options, ${JSON.stringify(model.defaultServer)});
}

${functions.join("\n\n")}
`;
}
