/** The items of a capture of ClickSend's API docs or its Redoc pages (see the header of scripts/lib/docs-samples.ts). */
import { block, collapsed, curlSample, readLenient, tableRows } from "./read.js";
import type { DocSample, Item } from "./types.js";

export function clickSendItems(lines: string[]): Item[] {
  const items: Item[] = [];
  const redoc = lines.some((l) => /^(get|post|put|delete|patch)\/v3/.test(l.trim()));
  const json = (from: number, kind: DocSample["kind"], line: number) => {
    const found = block(lines, from);
    if (!found) return;
    const parsed = readLenient(found.text);
    if (parsed === undefined) return items.push({ line, kind: "unread", text: found.text.split("\n")[0] });
    const body =
      redoc && parsed !== null && typeof parsed === "object"
        ? Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, collapsed(v)]))
        : parsed;
    const code = (body as { http_code?: unknown } | null)?.http_code;
    items.push({
      line,
      kind: "sample",
      sample: { kind, body, line: line + 1, ...(kind === "response" ? { status: String(typeof code === "number" ? code : 200) } : {}) },
    });
  };
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === "Body parameter" || text === "Request samples") json(i + 1, "request", i);
    else if (text === "Response" || text === "Response samples") json(i + 1, "response", i);
    else if (/^curl\s/.test(text)) {
      const item = curlSample(lines, i);
      if (item) items.push(item);
    } else if (/^Name\s*\|?\s*Type\s*\|?\s*Required/.test(text) || /^Parameter\s*\|?\s*In\s*\|?\s*Type\s*\|?\s*Required/.test(text)) {
      const params = text.startsWith("Parameter");
      tableRows(lines, i).forEach(({ row, at }) => {
        const cells = row.includes("|") ? row.split("|").map((c) => c.trim()) : row.split(/\s+/);
        const [name, where, type, required] = params ? cells : [cells[0], "body", cells[1], cells[2]];
        // A row whose Required cell is not true/false lost a cell (the docs have such rows): unreadable.
        if (!/^(true|false)$/i.test(required ?? "")) items.push({ line: at, kind: "unread", text: `table row: ${row}` });
        else if (name && type) items.push({ line: i, kind: "field", field: { name, in: where ?? "body", type, line: at + 1 } });
      });
    } else if (redoc && text === "Responses") {
      for (let j = i + 1; j < lines.length && j < i + 40; j++) {
        const t = lines[j]!.trim();
        if (/^(get|post|put|delete|patch)\/v3/.test(t)) break;
        if (/^[1-5]\d\d$/.test(t)) items.push({ line: j, kind: "status", status: t });
      }
    }
  });
  return items;
}
