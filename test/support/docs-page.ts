/**
 * What a built docs page (dist/docs/<provider>.html) carries: the OpenAPI document Redoc renders,
 * read back from the page itself, so tests check what readers get rather than what the build
 * meant to put there.
 */
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../../generator/providers.js";

export const docsDir = path.join(repoRoot, "dist", "docs");

export interface PageSample {
  lang: string;
  label: string;
  source: string;
}

/** The document embedded in a page (Redocly writes it as `const __redoc_definition = {…};`). */
export function pageDefinition(providerId: string): Record<string, any> {
  const html = fs.readFileSync(path.join(docsDir, `${providerId}.html`), "utf8");
  const marker = "const __redoc_definition = ";
  const start = html.indexOf(marker);
  if (start < 0) throw new Error(`${providerId}.html embeds no __redoc_definition`);
  const end = html.indexOf(";\n", start);
  return JSON.parse(html.slice(start + marker.length, end)) as Record<string, any>;
}
