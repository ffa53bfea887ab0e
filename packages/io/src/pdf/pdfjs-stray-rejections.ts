/**
 * pdfjs-dist runs its "worker" in the same Node process, and on some damaged page trees (a scrambled
 * cross-reference table) it rejects internal promises nobody awaits after `getPage` has already failed and
 * been handled. Under Node's default that unhandled rejection kills the process: one bad PDF would take
 * down the server or a bulk import. While a PDF is being read, rejections carrying one of pdfjs's own
 * exception classes are therefore absorbed (the read itself reports the damage); any other unhandled
 * rejection is rethrown, as Node would have done.
 */

/** The names of the exceptions pdfjs-dist throws about a document's structure. */
const PDFJS_EXCEPTIONS = new Set(['XRefEntryException', 'XRefParseException', 'UnknownErrorException', 'InvalidPDFException', 'FormatError', 'MissingDataException', 'UnexpectedResponseException']);

let reading = 0;

function absorb(reason: unknown): void {
  const name = (reason as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && PDFJS_EXCEPTIONS.has(name)) return;
  // Not pdfjs's: what Node does without a listener (the default "throw" mode).
  throw reason;
}

/** Runs a read with pdfjs's stray rejections absorbed until shortly after it ends. */
export async function absorbingStrayRejections<T>(read: () => Promise<T>): Promise<T> {
  if (reading++ === 0) process.on('unhandledRejection', absorb);
  try {
    return await read();
  } finally {
    // Stray rejections surface after the microtasks of the failed call; a macrotask later they have.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (--reading === 0) process.off('unhandledRejection', absorb);
  }
}
