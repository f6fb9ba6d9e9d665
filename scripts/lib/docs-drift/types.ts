/** The drift check's input and findings, shared by its modules and its callers. */
import type { Coverage } from "../docs-coverage.js";
import type { DocSection, Unread } from "../docs-samples.js";

export type Category = "lacks" | "omitted" | "type" | "enum" | "value" | "status" | "endpoint";
export interface Finding {
  /** operationId, or "METHOD /path" for an endpoint the spec lacks. */
  operation: string;
  category: Category;
  /** "body.sender", "reply.data.user_id", "query.page", "status 404", "GET /group/{}". */
  field: string;
  detail: string;
  where: string;
  /** What records it: the discrepancy's topic, or the erratum's reason. Absent: new. */
  recorded?: string;
}
/** A sample of test/fixtures/samples/ (only those with an erratum matter here). */
export interface RecordedSample {
  operationId: string;
  kind: "request" | "response";
  status?: number;
  body: unknown;
  erratum?: { invalidAt: string[]; reason: string };
}

export interface DriftInput {
  document: unknown;
  coverage: Coverage;
  sections: DocSection[];
  unread: Unread[];
  recordedSamples: RecordedSample[];
}
export interface Drift {
  findings: Finding[];
  unread: Unread[];
  checked: { samples: number; fields: number; statuses: number };
}
