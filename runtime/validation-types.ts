/** The hook the caller uses for optional reply validation (implemented in ./validation.ts). */
import type { OperationSpec } from "./operation-table.js";

export interface ReplyToValidate {
  operationId: string;
  spec: OperationSpec;
  status: number;
  contentType: string | undefined;
  body: unknown;
}

export type ResponseValidator = (reply: ReplyToValidate) => void;
