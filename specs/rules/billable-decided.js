// Spectral function: an operation that may change something (POST, PUT, PATCH, DELETE) carries
// `x-billable: true` or `x-billable: false`, decided by a person, so nothing that costs money is
// called by accident (see scripts/lib/verify-live/guard.ts, which reads the mark).
export default function billableDecided(operation, _options, context) {
  if (operation === null || typeof operation !== "object") return;
  if (!("x-billable" in operation)) {
    return [{ message: "say whether this operation costs money: add `x-billable: true` or `x-billable: false`" }];
  }
  if (typeof operation["x-billable"] !== "boolean") {
    return [{ message: "`x-billable` must be true or false", path: [...context.path, "x-billable"] }];
  }
}
