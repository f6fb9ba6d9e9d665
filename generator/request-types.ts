/**
 * Request-type check: every input a generated method takes (path, query and header parameters
 * and the body, down to the last nested field) must be an exact type. openapi-typescript quietly
 * writes `unknown` for schemas it cannot model (a `properties` object beside an `anyOf` of bare
 * `required` lists, for one), and `unknown` accepts anything; this step finds every such spot
 * with the TypeScript checker, on the types exactly as generated, and names the spec file and
 * line of the schema responsible.
 */
import path from "node:path";
import ts from "typescript";
import { atPointer } from "../runtime/pointer.js";
import type { OpenApiDocument } from "./bundle.js";
import type { Finding } from "./findings.js";
import type { Json } from "./document.js";
import buildModel from "./model.js";
import { repoRoot, type Provider } from "./providers.js";
import { schemaPointer } from "./request-types-source.js";
import { locate } from "./source.js";
import virtualProgram from "./virtual-program.js";

export interface GeneratedTypes {
  provider: Provider;
  document: OpenApiDocument;
  /** The text of schema.d.ts. */
  schema: string;
}

/** One request position typed `unknown` or `any`, e.g. `body.messages[]` of `sms/send`. */
export interface UnknownInput {
  operationId: string;
  /** Where inside the method's input: property names, `[]` for array items, `[key]` for map values. */
  position: string[];
  /** The bundled schema that produced it, as a JSON pointer. */
  pointer: string;
}

/** The module whose `Inputs` type the check walks, one per provider folder beside its schema.d.ts. */
export const CHECK_FILE = "__request-types__.ts";
export const CHECK_SOURCE = [
  'import type { operations } from "./schema.js";',
  'import type { OperationInput } from "../../runtime/input.js";',
  "export type Inputs = { [K in keyof operations]: OperationInput<operations[K]> };",
].join("\n");

/** A program holding each provider's check module, and those modules' names, in `inputs` order. */
export interface CheckProgram {
  program: ts.Program;
  files: string[];
}

/** The check modules over schema.d.ts texts not written anywhere yet. */
function compile(inputs: readonly GeneratedTypes[]): CheckProgram {
  const virtual = new Map<string, string>();
  const files: string[] = [];
  for (const { provider, schema } of inputs) {
    const dir = path.join(repoRoot, "generated", provider.id);
    virtual.set(path.join(dir, "schema.d.ts"), schema);
    const check = path.join(dir, CHECK_FILE);
    virtual.set(check, CHECK_SOURCE);
    files.push(check);
  }
  return { program: virtualProgram(virtual, files), files };
}

/** Every position inside `type` whose type is `unknown` or `any` (not looking inside those). */
function unknownPositions(checker: ts.TypeChecker, type: ts.Type): string[][] {
  const found: string[][] = [];
  const seen = new Set<ts.Type>();
  const walk = (current: ts.Type, at: string[]): void => {
    if (current.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) {
      found.push(at);
      return;
    }
    if (seen.has(current)) return;
    seen.add(current);
    if (current.isUnion()) {
      for (const part of current.types) walk(part, at);
      return;
    }
    if (checker.isArrayType(current) || checker.isTupleType(current)) {
      for (const item of checker.getTypeArguments(current as ts.TypeReference)) walk(item, [...at, "[]"]);
      return;
    }
    // An intersection is read as one object (its merged properties): `{ to?: string } & { to: unknown }`
    // is a string, not an unknown.
    if (!(current.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) return;
    for (const property of checker.getPropertiesOfType(current)) {
      walk(checker.getTypeOfSymbol(property), [...at, property.getName()]);
    }
    for (const index of checker.getIndexInfosOfType(current)) walk(index.type, [...at, "[key]"]);
  };
  walk(type, []);
  return found;
}

/**
 * Every request position, in every operation of every given provider, typed unknown or any.
 * `checked` is a program that already holds the check modules (the library's, ./compile.ts);
 * without it the check compiles `inputs`' schema texts beside the repository's runtime.
 */
export function findUnknownInputs(
  inputs: readonly GeneratedTypes[],
  checked: CheckProgram = compile(inputs),
): Map<Provider, UnknownInput[]> {
  const { program, files } = checked;
  const checker = program.getTypeChecker();
  const result = new Map<Provider, UnknownInput[]>();
  inputs.forEach(({ provider, document }, index) => {
    const source = program.getSourceFile(files[index]!)!;
    const alias = source.statements.find(ts.isTypeAliasDeclaration)!;
    const inputsType = checker.getTypeAtLocation(alias.name);
    const found: UnknownInput[] = [];
    const operations = new Map(buildModel(document).operations.map((op) => [op.operationId, op]));
    for (const operation of checker.getPropertiesOfType(inputsType)) {
      const operationId = operation.getName();
      for (const position of unknownPositions(checker, checker.getTypeOfSymbol(operation))) {
        found.push({ operationId, position, pointer: schemaPointer(document, operations.get(operationId)!, position) });
      }
    }
    result.set(provider, found);
  });
  return result;
}

/** The check as build findings: one per schema, naming every operation it makes untyped. */
export default function checkRequestTypes(inputs: readonly GeneratedTypes[], checked?: CheckProgram): Finding[] {
  const findings: Finding[] = [];
  for (const [provider, unknowns] of findUnknownInputs(inputs, checked)) {
    const { document } = inputs.find((input) => input.provider === provider)!;
    const bySchema = new Map<string, UnknownInput[]>();
    for (const found of unknowns) bySchema.set(found.pointer, [...(bySchema.get(found.pointer) ?? []), found]);
    for (const [pointer, all] of bySchema) {
      // A combiner is the usual cause (its branches are what openapi-typescript gives up on).
      const schema = atPointer(document, pointer) as Json | undefined;
      const combiner = ["anyOf", "oneOf", "allOf"].find((key) => schema && key in schema);
      const where = locate(provider, combiner ? `${pointer}/${combiner}` : pointer);
      const uses = all.map((u) => `${u.operationId} ${["input", ...u.position].join(".").replace(/\.\[/g, "[")}`);
      findings.push({
        ...where,
        rule: "request-type-unknown",
        severity: "error",
        message: `this schema becomes \`unknown\` in the generated types, so any value compiles (${uses.join(", ")}); write it in a form openapi-typescript models (see specs/README.md)`,
        linter: "generator",
      });
    }
  }
  return findings;
}
