/**
 * Type-checks some files that exist only in memory (usage files, generated type tests, code
 * samples) beside the repository's real files, with generator/virtual-program.ts's options, and
 * keeps the result under .tmp/type-checks. The compiler's answer depends only on its options, its
 * own version and what the file system told it: so the host records every question the compiler
 * asked (each file read, by content hash; each file or folder looked for, found or not; each
 * real path) and a later run serves the recorded result only if every question gets the same
 * answer again. Nothing is parsed then; a changed, added or removed file anywhere the compiler
 * looked means a fresh check.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { repoRoot } from "../../generator/providers.js";
import { compilerOptions, withVirtualFiles } from "../../generator/virtual-program.js";

/** One diagnostic: the checked file it is in ("" for the options and globals), its 1-based line, TypeScript's message on one line. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** Each question the compiler asked the file system, with the answer it got. */
interface Answers {
  /** File name → sha256 of its text, or null when it could not be read. */
  read: Record<string, string | null>;
  fileExists: Record<string, boolean>;
  directoryExists: Record<string, boolean>;
  realpath: Record<string, string>;
  /** Folder → its subfolders, joined. */
  getDirectories: Record<string, string>;
}

interface Record_ {
  /** TypeScript's version, the options and the files to check: the rest of what decides the result. */
  setup: string;
  answers: Answers;
  problems: Problem[];
}

const cacheDir = path.join(repoRoot, ".tmp", "type-checks");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * `host`, recording every answer it gives into `answers`, except about `unrecorded`: tsc's own
 * incremental state, which changes what the check costs, never what it finds.
 */
function recording<H extends ts.CompilerHost>(host: H, answers: Answers, unrecorded?: string): H {
  const { readFile, fileExists, directoryExists, realpath, getDirectories } = host;
  host.readFile = (name) => {
    const text = readFile.call(host, name);
    if (name !== unrecorded) answers.read[name] = text === undefined ? null : sha256(text);
    return text;
  };
  host.fileExists = (name) => {
    const exists = fileExists.call(host, name);
    if (name !== unrecorded) answers.fileExists[name] = exists;
    return exists;
  };
  if (directoryExists) host.directoryExists = (name) => (answers.directoryExists[name] = directoryExists.call(host, name));
  if (realpath) host.realpath = (name) => (answers.realpath[name] = realpath.call(host, name));
  if (getDirectories)
    host.getDirectories = (name) => {
      const found = getDirectories.call(host, name);
      answers.getDirectories[name] = found.join("\0");
      return found;
    };
  return host;
}

/** Whether `host` answers every recorded question as it did then. */
function answersAgain(host: ts.CompilerHost, answers: Answers): boolean {
  const same = <T>(recorded: Record<string, T>, ask: (name: string) => T) =>
    Object.entries(recorded).every(([name, answer]) => ask(name) === answer);
  return (
    same(answers.fileExists, (name) => host.fileExists(name)) &&
    same(answers.directoryExists, (name) => host.directoryExists?.(name) ?? false) &&
    same(answers.realpath, (name) => host.realpath?.(name) ?? name) &&
    same(answers.getDirectories, (name) => host.getDirectories?.(name).join("\0") ?? "") &&
    same(answers.read, (name) => {
      const text = host.readFile(name);
      return text === undefined ? null : sha256(text);
    })
  );
}

export interface Check {
  /** The files to check: absolute names, on disk or in `virtual`. */
  roots: readonly string[];
  /** Files that exist only in memory: absolute name → text. */
  virtual?: ReadonlyMap<string, string>;
  /**
   * generator/virtual-program.ts's unless given. With `incremental` and `tsBuildInfoFile`, a
   * check that does run is tsc's incremental one: files whose content is unchanged since the
   * state in that file keep their diagnostics without being checked again.
   */
  options?: ts.CompilerOptions;
  /** Report every file of the program, as tsc does, instead of the roots alone. */
  wholeProgram?: boolean;
}

/**
 * The diagnostics of one program over `roots`: the options' and global ones, then the syntax and
 * types of each root (or of every file). `name` names the cache entry.
 */
export default function typeCheck(
  name: string,
  { roots, virtual = new Map(), options = compilerOptions, wholeProgram = false }: Check,
): Problem[] {
  const texts = roots.map((root) => sha256(virtual.get(root) ?? ""));
  const setup = JSON.stringify({ typescript: ts.version, options, roots, texts, wholeProgram });
  const cacheFile = path.join(cacheDir, `${name}.json`);
  const host = () => withVirtualFiles(ts.createCompilerHost(options), virtual);
  try {
    const record = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as Record_;
    if (record.setup === setup && answersAgain(host(), record.answers)) return record.problems;
  } catch {
    // No record (a fresh clone) or an unreadable one: check afresh.
  }
  const answers: Answers = { read: {}, fileExists: {}, directoryExists: {}, realpath: {}, getDirectories: {} };
  const program = options.incremental
    ? ts.createIncrementalProgram({
        rootNames: roots,
        options,
        host: recording(withVirtualFiles(ts.createIncrementalCompilerHost(options), virtual), answers, options.tsBuildInfoFile),
      })
    : ts.createProgram(roots, options, recording(host(), answers));
  const files = wholeProgram ? [undefined] : roots.map((root) => program.getSourceFile(root)!);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ];
  const problems = diagnostics.map((d) => ({
    file: d.file?.fileName ?? "",
    line: d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0,
    message: ts.flattenDiagnosticMessageText(d.messageText, " "),
  }));
  program.emit(); // with noEmit, writes the incremental state only (if any)
  // Written whole under another name, then renamed: a reader never sees half a record.
  fs.mkdirSync(cacheDir, { recursive: true });
  const partial = `${cacheFile}.${process.pid}`;
  fs.writeFileSync(partial, JSON.stringify({ setup, answers, problems } satisfies Record_));
  fs.renameSync(partial, cacheFile);
  return problems;
}
