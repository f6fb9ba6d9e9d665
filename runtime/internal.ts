/**
 * What the generated code runs on, and no user needs: the operation-table contract, the binder,
 * the provider runtimes; plus the public surface, so that generated code has one runtime import.
 * Not in the package's export map; generated entry points never re-export it (test/package/surface.test.ts).
 */
export * from "./index.js";
export { bindOperations, camelCase } from "./bind.js";
export type { CallHandler } from "./call-options.js";
export {
  expand,
  expandOperations,
  type OperationEntries,
  type OperationEntry,
  type OperationSpec,
  type OperationTable,
  type PaginationSpec,
} from "./operation-table.js";
export { splitInput } from "./input.js";
export { basicAuthorization, createClickSendBase, type ClickSendBase } from "./clicksend-base.js";
export { createClickSendRuntime } from "./clicksend.js";
export { createSmSendRuntime, parseLoginReply } from "./smsend.js";
export { brandBaseUrl, logIn, loginSecrets } from "./brands.js";
