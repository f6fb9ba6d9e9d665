/** Which operation a model error is about, and where it is in the bundled document. */
export interface OperationAt {
  operationId: string;
  pointer: string;
}

/** One operation breaks a rule of the model; the build reports it at the operation's line in the spec. */
export class OperationError extends Error {
  readonly operationId: string;
  /** JSON pointer, into the bundled document, of the operation's operationId. */
  readonly pointer: string;

  constructor(
    at: OperationAt,
    readonly rule: string,
    message: string,
  ) {
    super(`${at.operationId}: ${message}`);
    this.operationId = at.operationId;
    this.pointer = at.pointer;
    this.name = "OperationError";
  }
}
