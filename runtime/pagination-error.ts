/**
 * What `.all()` throws when a server's pages cannot be walked to an end. Apart from ./paginate.ts,
 * which is loaded only on the first walk (see ./bind.ts), so that importing the class loads no more.
 */
export class PaginationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaginationError";
  }
}
