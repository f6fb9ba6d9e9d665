/**
 * A TypeScript program over the repository's real files plus some files that exist only in
 * memory (a schema.d.ts not written yet, generated type tests), for checks that need the
 * checker on generated types without writing anything to disk.
 */
import ts from "typescript";

export const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Makes `host` see the files of `virtual` (absolute file name → text) besides those on disk. A
 * host made by TypeScript reads every source file through its own readFile, so that is enough
 * (and an incremental host still stamps each file with the version it needs).
 */
export function withVirtualFiles<H extends ts.CompilerHost>(host: H, virtual: ReadonlyMap<string, string>): H {
  const { fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
  return host;
}

/** `virtual` maps absolute file names to their text; `roots` are the files to compile. */
export default function virtualProgram(virtual: ReadonlyMap<string, string>, roots: string[]): ts.Program {
  return ts.createProgram(roots, compilerOptions, withVirtualFiles(ts.createCompilerHost(compilerOptions), virtual));
}
