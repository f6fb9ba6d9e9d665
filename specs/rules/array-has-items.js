// Spectral function: a schema that may be an array (`type: array`, or `array` among a list of
// types) says what its items are. Prism's dynamic mode cannot make up such a value without
// `items` and answers 500 instead of a reply.
export default function arrayHasItems(schema) {
  if (schema === null || typeof schema !== "object") return;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("array") && !("items" in schema)) {
    return [{ message: "array schema without `items` (add `items: {}` if any item is fine)" }];
  }
}
