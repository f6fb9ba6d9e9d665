// Spectral function: every object in a request body is closed, so that a misspelt field is an
// error (from the mock server, and from any validator) instead of a field the API drops quietly.
// Given a request body's schema (references resolved), it checks each object value in it:
// - it is closed: `additionalProperties: false` (or a schema, for a typed map), or, for an
//   `allOf` composition, `propertyNames` listing the names it takes;
// - no field it declares is refused by one of its own closed parts (additionalProperties does not
//   see properties declared in sibling allOf/anyOf branches: the classic trap);
// - a `propertyNames` list names no field that is not declared (it would drift unseen).
const ANY = null;

const parts = (schema) => ["allOf", "anyOf", "oneOf"].flatMap((key) => (Array.isArray(schema[key]) ? schema[key] : []));

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

function objectLike(schema) {
  if (!isObject(schema)) return false;
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.length > 0) return types.includes("object");
  return isObject(schema.properties) || parts(schema).some(objectLike);
}

/** Every property name the schema and its allOf/anyOf/oneOf parts declare. */
function declared(schema, into = new Set()) {
  if (!isObject(schema)) return into;
  for (const name of Object.keys(schema.properties ?? {})) into.add(name);
  for (const part of parts(schema)) declared(part, into);
  return into;
}

const intersect = (a, b) => (a === ANY ? b : b === ANY ? a : new Set([...a].filter((name) => b.has(name))));

/** The property names an object matching the schema may carry, or ANY. */
function allowed(schema) {
  if (!isObject(schema)) return ANY;
  let names = ANY;
  if (schema.additionalProperties === false) names = new Set(Object.keys(schema.properties ?? {}));
  if (Array.isArray(schema.propertyNames?.enum)) names = intersect(names, new Set(schema.propertyNames.enum.map(String)));
  for (const part of schema.allOf ?? []) names = intersect(names, allowed(part));
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (branches.length > 0) {
    const each = branches.map(allowed);
    names = intersect(names, each.includes(ANY) ? ANY : new Set(each.flatMap((set) => [...set])));
  }
  return names;
}

function check(schema, path, results, seen) {
  if (!isObject(schema) || seen.has(schema)) return;
  seen.add(schema);
  if (objectLike(schema)) {
    const names = allowed(schema);
    const fields = declared(schema);
    const typedMap = isObject(schema.additionalProperties);
    if (names === ANY && !typedMap) {
      results.push({
        message:
          "request body object is open: add `additionalProperties: false` (for an allOf composition, `propertyNames` listing its fields)",
        path,
      });
    } else if (names !== ANY) {
      const refused = [...fields].filter((name) => !names.has(name));
      if (refused.length > 0) {
        results.push({
          message: `declares ${refused.join(", ")} but a closed part refuses them (additionalProperties does not see allOf/anyOf siblings)`,
          path,
        });
      }
      const listed = Array.isArray(schema.propertyNames?.enum) ? schema.propertyNames.enum.map(String) : [];
      const stray = listed.filter((name) => !fields.has(name));
      if (stray.length > 0)
        results.push({ message: `propertyNames lists ${stray.join(", ")}, which no part declares`, path: [...path, "propertyNames"] });
    }
  }
  // The values inside: properties (own and of every part), array items, typed map values.
  const visitValues = (part, at) => {
    if (!isObject(part)) return;
    for (const [name, value] of Object.entries(part.properties ?? {})) check(value, [...at, "properties", name], results, seen);
    for (const key of ["allOf", "anyOf", "oneOf"]) (part[key] ?? []).forEach((branch, i) => visitValues(branch, [...at, key, i]));
  };
  visitValues(schema, path);
  if (isObject(schema.items)) check(schema.items, [...path, "items"], results, seen);
  if (isObject(schema.additionalProperties)) check(schema.additionalProperties, [...path, "additionalProperties"], results, seen);
  // A oneOf/anyOf of whole objects (no properties of its own): each branch is a value too.
  if (!isObject(schema.properties)) {
    for (const key of ["anyOf", "oneOf"]) (schema[key] ?? []).forEach((branch, i) => check(branch, [...path, key, i], results, seen));
  }
}

export default function requestBodyClosed(schema, _options, context) {
  const results = [];
  check(schema, context.path, results, new Set());
  return results;
}
