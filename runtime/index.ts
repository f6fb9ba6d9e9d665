/** The package's `./runtime` entry: the public runtime surface of both clients, nothing internal. */
export * from "./public.js";
export * from "./clicksend-public.js";
export * from "./smsend-public.js";
