/**
 * generated/<provider>/index.ts, the provider's entry point: its client, its types, and the
 * public runtime surface (shared + its own provider's part), never the runtime's internals.
 */
import type { Project, SourceFile } from "ts-morph";
import type { Provider } from "../providers.js";
import { newFile, RUNTIME } from "./shared.js";

export default function emitIndex(project: Project, provider: Provider): SourceFile {
  const file = newFile(project, "index.ts");
  file.addExportDeclaration({ moduleSpecifier: "./client.js" });
  if (provider.brands) file.addExportDeclaration({ moduleSpecifier: "./brands.js" });
  if (provider.envelope) file.addExportDeclaration({ moduleSpecifier: "./envelope.js" });
  file.addExportDeclaration({ isTypeOnly: true, moduleSpecifier: "./schema.js", namedExports: ["components", "operations", "paths"] });
  file.addExportDeclaration({ moduleSpecifier: RUNTIME.public });
  file.addExportDeclaration({ moduleSpecifier: RUNTIME.providerPublic[provider.id] });
  return file;
}
