/**
 * Generated TypeScript goes through the same formatter as the hand-written code (Biome, with the
 * repository's biome.json), so generated/ reads like the rest and `npm run format:check` holds
 * for it too. Biome formats files, not strings: the files go to a scratch folder for one run.
 * JSON is left as `JSON.stringify(…, null, 2)` wrote it.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./providers.js";
import type { GeneratedFiles } from "./write.js";

const biome = path.join(repoRoot, "node_modules", "@biomejs", "biome", "bin", "biome");

export default async function formatGenerated(files: GeneratedFiles): Promise<GeneratedFiles> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "format-generated-"));
  try {
    const formatted: GeneratedFiles = {};
    const written: [provider: string, name: string][] = [];
    for (const [provider, own] of Object.entries(files)) {
      formatted[provider] = { ...own };
      fs.mkdirSync(path.join(scratch, provider));
      for (const [name, text] of Object.entries(own)) {
        if (!name.endsWith(".ts")) continue;
        fs.writeFileSync(path.join(scratch, provider, name), text);
        written.push([provider, name]);
      }
    }
    // Biome refuses a run with nothing to format (a build that only recompiles the library).
    if (written.length === 0) return formatted;
    // The scratch folder is outside the repository, so Biome is pointed at its configuration.
    await promisify(execFile)(
      process.execPath,
      [biome, "format", "--write", `--config-path=${path.join(repoRoot, "biome.json")}`, scratch],
      { cwd: scratch },
    ).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`the formatter (Biome) failed on the generated code: ${error.stderr?.trim() || error.message}`);
    });
    for (const [provider, name] of written) formatted[provider]![name] = fs.readFileSync(path.join(scratch, provider, name), "utf8");
    return formatted;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
