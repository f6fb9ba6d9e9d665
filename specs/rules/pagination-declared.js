// Spectral function: an operation that takes a page or offset query parameter declares how to
// walk its pages in `x-pagination` (or `x-pagination: false`, with the reason in a comment), so
// the generated client can offer `.all()` and nobody has to guess which field is the total.
const PAGE_PARAMETERS = ["page", "pageNumber", "offset"];

export default function paginationDeclared(operation) {
  if (operation === null || typeof operation !== "object") return;
  const names = (Array.isArray(operation.parameters) ? operation.parameters : []).filter((p) => p && p.in === "query").map((p) => p.name);
  const pageParameter = names.find((name) => PAGE_PARAMETERS.includes(name));
  if (pageParameter && !("x-pagination" in operation)) {
    return [{ message: `takes "${pageParameter}" but has no x-pagination (or x-pagination: false)` }];
  }
}
