// Spectral function: a media type object must carry `example`, a non-empty `examples` map, or
// a schema with `examples`. Used for request bodies, responses and webhook payloads.
export default function hasExample(mediaType) {
  if (mediaType === null || typeof mediaType !== "object") return;
  if ("example" in mediaType) return;
  if (mediaType.examples && Object.keys(mediaType.examples).length > 0) return;
  const schemaExamples = mediaType.schema && mediaType.schema.examples;
  if (Array.isArray(schemaExamples) && schemaExamples.length > 0) return;
  return [{ message: "this body has no example: add an `examples` map to the media type" }];
}
