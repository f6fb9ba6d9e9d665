// Spectral function (ClickSend): every 2xx JSON reply must be the envelope
// {http_code, response_code, response_msg, data}. The check is structural: the four fields must
// be required by the schema itself or by one of its `allOf` parts, however deeply nested.
// An operation that replies without the envelope opts out with `x-clicksend-envelope: false`.
// Spectral reads the split files, where a reply is usually the `x-envelope` / `x-envelope-page`
// shorthand (specs/plugins/shorthands.js): that is the envelope by construction.
const ENVELOPE_FIELDS = ["http_code", "response_code", "response_msg", "data"];
const SHORTHANDS = ["x-envelope", "x-envelope-page"];

function requiredFields(schema, seen = new Set()) {
  const fields = new Set();
  if (schema === null || typeof schema !== "object" || seen.has(schema)) return fields;
  seen.add(schema);
  if (SHORTHANDS.some((key) => key in schema)) return new Set(ENVELOPE_FIELDS);
  for (const name of Array.isArray(schema.required) ? schema.required : []) fields.add(name);
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    for (const name of requiredFields(part, seen)) fields.add(name);
  }
  return fields;
}

// Result paths start from the document root (context.path): a path relative to the operation
// makes Spectral report the root document's first line instead of the reply's file and line.
// It ends at the media type: the schema itself may be a $ref into another file.
export default function envelopeReply(operation, _options, context) {
  if (operation === null || typeof operation !== "object") return;
  if (operation["x-clicksend-envelope"] === false) return;
  const results = [];
  for (const [status, response] of Object.entries(operation.responses || {})) {
    if (!/^2\d\d$/.test(status) || !response || !response.content) continue;
    for (const [mediaType, media] of Object.entries(response.content)) {
      if (!/json/.test(mediaType)) continue;
      const have = requiredFields(media && media.schema);
      const missing = ENVELOPE_FIELDS.filter((field) => !have.has(field));
      if (missing.length > 0) {
        results.push({
          message: `${status} ${mediaType} reply is not the envelope: it does not require ${missing.join(", ")}`,
          path: [...context.path, "responses", status, "content", mediaType],
        });
      }
    }
  }
  return results;
}
