/**
 * The next CHANGELOG.md entry (Keep a Changelog) from the classified changes of scripts/lib/spec-diff.ts,
 * naming client methods as users call them. Pure functions; scripts/changelog.ts reads and writes.
 *
 * Sections: a new operation or anything a change adds (a property, parameter, enum value, `.all()`)
 * is Added; a removed operation, property or parameter is Removed; a newly deprecated operation
 * is Deprecated; compatible corrections (a reply described more strictly) are Fixed; everything
 * else, automatic retries switched on or off included, is Changed. Breaking changes are marked **Breaking** whatever their section.
 */
import { methodName, type OperationDiff } from "./spec-diff.js";

type Section = "Added" | "Changed" | "Deprecated" | "Removed" | "Fixed";
const ORDER: Section[] = ["Added", "Changed", "Deprecated", "Removed", "Fixed"];
export const HEADER = [
  "# Changelog",
  "",
  "All notable changes to the API descriptions and the generated clients. The format follows",
  "[Keep a Changelog](https://keepachangelog.com/en/1.1.0/); versions follow semantic versioning, with",
  "breaking changes bumping the minor version while the version is 0.x. Entries are written by",
  "`npm run changelog`.",
  "",
].join("\n");

function sectionOf(level: string, text: string): Section {
  if (text === "operation deprecated") return "Deprecated";
  if (/^client .*retries/.test(text)) return "Changed";
  if (/^(operation|property|parameter|request body|reply body) removed|^client .*\.all\(\) removed/.test(text)) return "Removed";
  if (
    /^(property|parameter|enum value|security alternative|request body|reply body) added|^client .*\.all\(\) added/.test(text) &&
    level !== "major"
  )
    return "Added";
  return level === "patch" ? "Fixed" : "Changed";
}

export function changelogEntry(
  version: string,
  date: string,
  ref: string,
  results: { provider: string; operations: OperationDiff[] }[],
): string {
  const sections = new Map<Section, string[]>(ORDER.map((s) => [s, []]));
  for (const { provider, operations } of results) {
    for (const op of operations) {
      const call = `\`${methodName(provider, op.id)}\``;
      const route = `(${op.method.toUpperCase()} ${op.path})`;
      for (const c of op.changes) {
        const breaking = c.level === "major" ? "**Breaking:** " : "";
        const line =
          op.kind === "added"
            ? `${call} ${route}`
            : op.kind === "removed"
              ? `${breaking}${call} ${route}`
              : c.text.startsWith("client ")
                ? `${breaking}${c.text.replace(/\b((?:cs|sm|client)\.[\w.]+\(\))/, "`$1`")}`
                : `${breaking}${call}: ${c.text}`;
        sections.get(op.kind === "added" ? "Added" : op.kind === "removed" ? "Removed" : sectionOf(c.level, c.text))!.push(`- ${line}`);
      }
    }
  }
  const body = ORDER.filter((s) => sections.get(s)!.length > 0).flatMap((s) => [`### ${s}`, "", ...sections.get(s)!, ""]);
  return [`## [${version}] - ${date}`, "", `API changes since ${ref}.`, "", ...body].join("\n");
}

/** The changelog with `entry` first among the versions, replacing an earlier entry for the same version. */
export function insertEntry(changelog: string | undefined, entry: string): string {
  const text = changelog ?? HEADER;
  const version = /^## \[([^\]]+)\]/.exec(entry)![1]!;
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const without = text.replace(new RegExp(`^## \\[${escaped}\\][\\s\\S]*?(?=^## \\[|(?![\\s\\S]))`, "m"), "");
  const first = without.search(/^## \[/m);
  return first < 0
    ? `${without.trimEnd()}\n\n${entry.trimEnd()}\n`
    : `${without.slice(0, first)}${entry.trimEnd()}\n\n${without.slice(first)}`;
}

/** package.json with its version set, everything else as it was. */
export function setVersion(packageJson: string, version: string): string {
  return packageJson.replace(/("version"\s*:\s*")[^"]*(")/, `$1${version}$2`);
}
