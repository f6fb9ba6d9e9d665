/** The items of a capture of smSend's REST API docs (see the header of scripts/lib/docs-samples.ts). */
import { block, curlSample, readLenient, tableRows } from "./read.js";
import type { Item } from "./types.js";

export function smSendItems(lines: string[]): Item[] {
  const items: Item[] = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (/^curl\s/.test(text)) {
      const item = curlSample(lines, i);
      if (item) items.push(item);
    } else if (/^On success, the above command returns/.test(text)) {
      const found = block(lines, i + 1);
      const parsed = found && readLenient(found.text);
      if (found && parsed === undefined) items.push({ line: i, kind: "unread", text: found.text.split("\n")[0] });
      else if (parsed !== undefined) items.push({ line: i, kind: "sample", sample: { kind: "response", body: parsed, line: i + 1 } });
    } else if (/^Parameter Type Description Required/.test(text)) {
      const inBody = lines.slice(Math.max(0, i - 3), i).some((l) => l.trim() === "Body Fields");
      tableRows(lines, i).forEach(({ row, at }) => {
        const words = row.split(/\s+/);
        // "Int or String" is one type column.
        const [name, type] = [words[0], words[2] === "or" ? words.slice(1, 4).join(" ") : words[1]];
        if (name && type) items.push({ line: i, kind: "field", field: { name, in: inBody ? "body" : "query", type, line: at + 1 } });
      });
    } else if (text === "Code Description") {
      tableRows(lines, i).forEach(({ row }) => {
        const code = /^([1-5]\d\d)\b/.exec(row)?.[1];
        if (code) items.push({ line: i, kind: "status", status: code });
      });
    }
  });
  return items;
}
