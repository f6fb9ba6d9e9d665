/** What a capture of a provider's docs says about an endpoint, as scripts/lib/docs-samples.ts reads it. */
import type { Endpoint } from "../docs-coverage.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface DocSample {
  kind: "request" | "response";
  status?: string;
  body: Json;
  line: number;
}
/**
 * A table row; `in`: "body" for body-field tables, else the parameter location ("query", "path").
 * Its Required column is not compared: the spec decides requiredness from more than one table (see its x-discrepancies).
 */
export interface DocField {
  name: string;
  in: string;
  type: string;
  line: number;
}
export interface DocSection {
  endpoint: Endpoint;
  samples: DocSample[];
  fields: DocField[];
  statuses: { code: string; line: number }[];
}
/** A sample that could not be read as JSON even leniently: shown, never silently skipped. */
export interface Unread {
  endpoint?: Endpoint;
  line: number;
  text: string;
}

/** Field and parameter tables, status lists and samples, each with its line, in capture order. */
export interface Item {
  line: number;
  kind: "sample" | "field" | "status" | "unread";
  sample?: DocSample;
  field?: DocField;
  status?: string;
  text?: string;
}
