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

/** `virtual` maps absolute file names to their text; `roots` are the files to compile. */
export default function virtualProgram(virtual: ReadonlyMap<string, string>, roots: string[]): ts.Program {
  const host = ts.createCompilerHost(compilerOptions);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(name);
    return text === undefined ? getSourceFile.call(host, name, language, ...rest) : ts.createSourceFile(name, text, language);
  };
  return ts.createProgram(roots, compilerOptions, host);
}
