// Spectral function: exactly one tag per operation, and it is the operationId's namespace, so
// the docs' sections and the client's method groups are the same thing.
// Result paths start from the document root (context.path), so findings carry the file and line.
export default function singleTag(operation, _options, context) {
  const tags = Array.isArray(operation.tags) ? operation.tags : [];
  if (tags.length !== 1) {
    return [{ message: `operation has ${tags.length} tags; it must have exactly one`, path: [...context.path, "tags"] }];
  }
  const id = typeof operation.operationId === "string" ? operation.operationId : "";
  // An operationId that is not namespace/action is operation-id-namespaced's finding, not ours.
  const namespace = id.includes("/") ? id.split("/")[0] : undefined;
  if (namespace !== undefined && namespace !== tags[0]) {
    return [{ message: `tag "${tags[0]}" differs from the operationId namespace "${namespace}"`, path: [...context.path, "tags", 0] }];
  }
}
