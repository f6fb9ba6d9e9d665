/**
 * The members of the generated client interface: one method signature per operation, grouped by
 * namespace. Written as text, not ts-morph structures: a member is a property whose type is an
 * object literal of a documented call signature plus `.all()`, which ts-morph's structures do not
 * describe; the text is short and reads like the output.
 */
import { camelCase } from "../../runtime/bind.js";
import { pointerTokens } from "../../runtime/pointer.js";
import type { ApiModel, OperationModel } from "../model.js";
import { jsdoc, operationDocLines } from "./shared.js";

/** `typeArgs` is "" or ", B" (a brand-generic client passes its brand on to Input and Reply). */
export function methodSignature(op: OperationModel, typeArgs: string): string {
  const doc = jsdoc(operationDocLines(op));
  const input = `input${op.inputRequired ? "" : "?"}: Input<"${op.operationId}"${typeArgs}>`;
  const call = `(${input}, options?: CallOptions): Promise<Reply<"${op.operationId}"${typeArgs}>>`;
  if (!op.pagination) return `${doc}\n${camelCase(op.action)}${call};`;
  const path = pointerTokens(op.pagination.items).map((token) => JSON.stringify(token));
  const item = `PageItem<Reply<"${op.operationId}"${typeArgs}>, [${path.join(", ")}]>`;
  const all = `/** Every item of every page, fetched page by page as you iterate. */\nall(${input}, options?: CallOptions & PageOptions): AsyncGenerator<${item}, void, undefined>;`;
  return `${doc}\n${camelCase(op.action)}: {\n${call};\n${all}\n};`;
}

export function byNamespace(model: ApiModel): Map<string, OperationModel[]> {
  const groups = new Map<string, OperationModel[]>();
  for (const op of model.operations) groups.set(op.namespace, [...(groups.get(op.namespace) ?? []), op]);
  return groups;
}

export function replyType(op: OperationModel): string {
  const content = op.success.contentType ? `["content"]["${op.success.contentType}"]` : "";
  return content ? `operations["${op.operationId}"]["responses"][${op.success.status}]${content}` : "undefined";
}
