/**
 * Write step: file contents → generated/, all or nothing. Every provider's files are written to a
 * fresh staging folder beside generated/; only when all of them are on disk does each provider's
 * folder get swapped in by rename. A failure before that leaves generated/ as it was.
 */
import fs from "node:fs";
import path from "node:path";

export type GeneratedFiles = Record<string, Record<string, string>>;

export default function writeGenerated(outDir: string, files: GeneratedFiles): void {
  const parent = path.dirname(outDir);
  const staging = fs.mkdtempSync(path.join(parent, ".generated-staging-"));
  const retired = `${staging}-old`;
  try {
    for (const [provider, contents] of Object.entries(files)) {
      const dir = path.join(staging, provider);
      fs.mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(contents)) fs.writeFileSync(path.join(dir, name), text);
    }
    fs.mkdirSync(outDir, { recursive: true });
    fs.mkdirSync(retired);
    for (const provider of Object.keys(files)) {
      const target = path.join(outDir, provider);
      if (fs.existsSync(target)) fs.renameSync(target, path.join(retired, provider));
      fs.renameSync(path.join(staging, provider), target);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(retired, { recursive: true, force: true });
  }
}

/** Reads generated/<provider>/ back as the same shape, for the staleness check. */
export function readGenerated(outDir: string, providerIds: string[]): GeneratedFiles {
  const out: GeneratedFiles = {};
  for (const id of providerIds) {
    const dir = path.join(outDir, id);
    out[id] = {};
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) out[id][name] = fs.readFileSync(path.join(dir, name), "utf8");
  }
  return out;
}
