// Redocly plugin: expands the specs' shorthands into plain OpenAPI, so a path file holds only
// what is particular to its operations. Registered in redocly.yaml as a *preprocessor*: it runs
// before `redocly lint`'s rules (which then check the full replies and validate examples against
// the full envelope) and before bundling (generator/bundle.ts), so the bundled document, and
// everything generated from it, holds no shorthand. specs/plugins/README.md describes them.
//
// What each shorthand stands for is declared once, in the root document's `x-shorthands`:
//   standard-errors:  { all: {status: file}, authenticated: {status: file} }
//   envelope: file    page: file    pagination: { <style>: <x-pagination object> }
// File paths there are relative to the root document. Each `$ref` written here is relative to
// the file it lands in, as a hand-written one would be, so bundling names components as before.
import path from "node:path";

const SHORTHANDS = "x-shorthands";

/** A `$ref` from the file holding the current node to a file named relative to the root document. */
function refFrom(ctx, rootFile, target) {
  const from = path.dirname(ctx.location.source.absoluteRef);
  return {
    $ref: path
      .relative(from, path.resolve(path.dirname(rootFile), target))
      .split(path.sep)
      .join("/"),
  };
}

/** Callable without credentials: no requirement at all, or an empty one among the alternatives. */
function isPublic(security) {
  return Array.isArray(security) && (security.length === 0 || security.some((r) => r && Object.keys(r).length === 0));
}

/** The envelope (or page) schema narrowed to one `data`, written as the specs always wrote it. */
function narrowed(ref, data) {
  return { allOf: [ref, { type: "object", required: ["data"], properties: { data } }] };
}

function expand() {
  let rootFile;
  let rootSecurity;
  let shorthands = {};

  /** The declaration `key` of x-shorthands, or undefined after reporting that it is missing. */
  function declared(ctx, key, usedAs, at) {
    if (shorthands[key] !== undefined) return shorthands[key];
    ctx.report({ message: `${usedAs} is used but the root document's ${SHORTHANDS} declares no \`${key}\``, location: at });
    return undefined;
  }

  /** `x-pagination: <style>` → the x-pagination object declared under that style. */
  function expandPagination(operation, ctx) {
    const style = operation["x-pagination"];
    if (typeof style !== "string") return;
    const at = ctx.location.child(["x-pagination"]);
    const styles = declared(ctx, "pagination", `x-pagination: ${style}`, at);
    if (!styles) return;
    if (!styles[style])
      return ctx.report({
        message: `x-pagination: ${style} is not one of the root's ${SHORTHANDS}.pagination styles (${Object.keys(styles).join(", ")})`,
        location: at,
      });
    operation["x-pagination"] = structuredClone(styles[style]);
  }

  /** Adds the standard error replies the operation does not declare itself. */
  function addStandardErrors(operation, ctx) {
    const only = operation["x-standard-errors"];
    delete operation["x-standard-errors"];
    const at = ctx.location.child(["x-standard-errors"]);
    const standard = shorthands["standard-errors"];
    if (!standard) {
      if (only !== undefined) declared(ctx, "standard-errors", "x-standard-errors", at);
      return;
    }
    const known = { ...standard.all, ...standard.authenticated };
    if (only !== undefined && (!Array.isArray(only) || only.some((status) => !(String(status) in known)))) {
      const statuses = Object.keys(known).join(", ");
      return ctx.report({
        message: `x-standard-errors lists statuses of the root's standard-errors (${statuses}), found ${JSON.stringify(only)}`,
        location: at,
      });
    }
    const candidates = { ...standard.all, ...(isPublic(operation.security ?? rootSecurity) ? {} : standard.authenticated) };
    const responses = operation.responses ?? {};
    const added = Object.entries(candidates).filter(
      ([status]) => !(status in responses) && (only === undefined || only.map(String).includes(status)),
    );
    // Status codes are integer-like keys, which JavaScript objects (and so the bundled JSON) keep
    // in numeric order wherever they are added.
    for (const [status, file] of added) responses[status] = refFrom(ctx, rootFile, file);
    operation.responses = responses;
  }

  /** `{x-envelope: data}` and `{x-envelope-page: item}` reply schemas → the envelope's allOf. */
  function expandEnvelope(media, ctx) {
    const schema = media.schema;
    if (!schema || typeof schema !== "object") return;
    const kind = ["x-envelope", "x-envelope-page"].find((key) => key in schema);
    if (!kind) return;
    const at = ctx.location.child(["schema"]);
    if (Object.keys(schema).length !== 1)
      return ctx.report({ message: `a schema with ${kind} has nothing beside it (found ${Object.keys(schema).join(", ")})`, location: at });
    const envelope = declared(ctx, "envelope", kind, at);
    const page = kind === "x-envelope-page" ? declared(ctx, "page", kind, at) : undefined;
    if (!envelope || (kind === "x-envelope-page" && !page)) return;
    const data = kind === "x-envelope" ? schema[kind] : narrowed(refFrom(ctx, rootFile, page), { type: "array", items: schema[kind] });
    media.schema = narrowed(refFrom(ctx, rootFile, envelope), data);
  }

  return {
    Root: {
      enter(root, ctx) {
        rootFile = ctx.location.source.absoluteRef;
        rootSecurity = root.security;
        shorthands = root[SHORTHANDS] ?? {};
      },
      leave(root) {
        delete root[SHORTHANDS];
      },
    },
    // The operations of `paths` only: webhooks are calls the provider makes to the user's server.
    // On leave, so the walker does not visit the references added here before they are resolved
    // (Redocly resolves a preprocessor's references right after this pass).
    Paths: {
      Operation: {
        leave(operation, ctx) {
          expandPagination(operation, ctx);
          addStandardErrors(operation, ctx);
        },
      },
    },
    MediaType: {
      leave: expandEnvelope,
    },
  };
}

export default function shorthandsPlugin() {
  return {
    id: "shorthands",
    preprocessors: {
      oas3: { expand },
    },
  };
}
