/**
 * The pagination rule: reads and checks an operation's `x-pagination` into the contract's
 * PaginationSpec. A mistake there is a build error, not a runtime surprise.
 */
import type { PaginationSpec } from "../../runtime/operation-table.js";
import { OperationError, type OperationAt } from "./operation-error.js";

const FIELDS = ["page", "offset", "cursor", "size", "items", "total", "lastPage", "next", "fromNext"] as const;

export function paginationOf(raw: unknown, queryParams: string[], where: OperationAt): PaginationSpec | undefined {
  // `false`: the operation takes page parameters but its replies do not say where the end is.
  if (raw === undefined || raw === false) return undefined;
  const value = raw as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === "string" ? (value[key] as string) : undefined);
  const spec: { -readonly [K in keyof PaginationSpec]: PaginationSpec[K] } = { size: text("size") ?? "", items: text("items") ?? "" };
  for (const key of ["page", "offset", "cursor", "total", "lastPage", "next"] as const) {
    const found = text(key);
    if (found !== undefined) spec[key] = found;
  }
  if (Array.isArray(value.fromNext)) spec.fromNext = value.fromNext.map(String);
  const problems: string[] = [];
  if ([spec.page, spec.offset, spec.cursor].filter(Boolean).length !== 1)
    problems.push("needs exactly one of `page`, `offset` and `cursor`");
  if (spec.cursor && (!spec.next || !spec.fromNext?.length))
    problems.push("a `cursor` needs `next` (where the next link is) and `fromNext` (the parameters to take from it)");
  for (const param of [spec.page, spec.offset, spec.cursor, spec.size, ...(spec.fromNext ?? [])]) {
    if (param !== undefined && !queryParams.includes(param))
      problems.push(`names query parameter "${param}", which the operation does not have`);
  }
  for (const pointer of [spec.items, spec.total, spec.lastPage, spec.next]) {
    if (pointer !== undefined && !pointer.startsWith("/")) problems.push(`"${pointer}" is not a JSON pointer`);
  }
  const unknown = Object.keys(value).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) problems.push(`unknown field(s) ${unknown.join(", ")}`);
  if (problems.length > 0) throw new OperationError(where, "x-pagination", `x-pagination ${problems.join("; ")}`);
  return spec;
}
