/**
 * pdf.js's worker in this thread (Node; an analysis worker), talking to its document side through
 * a port that does not copy what it carries.
 *
 * Where pdf.js runs its worker code in the same thread ("fake worker"), its own port still
 * structured-clones every message, as a real worker boundary would: each page's text and operator
 * list is built, copied whole, and the original dropped — a tenth of the CPU of reading a
 * disclosure, and more work for the garbage collector. Within one thread the document side can
 * read the worker side's objects as they are. What pdf.js changes after sending it is a streamed
 * chunk: a text content chunk gets new items and styles (the properties reassigned), an operator
 * list chunk's fnArray and argsArray are emptied in place for the next one. So a chunk is copied
 * shallowly, and an operator list's two arrays with it; everything else is handed over as it is.
 */

type Listener = (this: unknown, event: { data: unknown }) => void;

/** What pdf.js needs of a port: postMessage and (abortable) message listeners, as its own LoopbackPort. */
export class InThreadPort {
  readonly #listeners = new Map<Listener, (() => void) | null>();
  readonly #deferred = Promise.resolve();

  postMessage(data: unknown): void {
    const event = { data: detachChunk(data) };
    // Delivered later, in order, as a port delivers: the sender finishes its turn first.
    void this.#deferred.then(() => {
      for (const [listener] of this.#listeners) listener.call(this, event);
    });
  }

  addEventListener(_type: string, listener: Listener, options?: { signal?: AbortSignal } | null): void {
    let removeAbort: (() => void) | null = null;
    const signal = options?.signal;
    if (signal) {
      if (signal.aborted) return;
      const onAbort = () => this.removeEventListener(_type, listener);
      signal.addEventListener('abort', onAbort);
      removeAbort = () => signal.removeEventListener('abort', onAbort);
    }
    this.#listeners.set(listener, removeAbort);
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const [, removeAbort] of this.#listeners) removeAbort?.();
    this.#listeners.clear();
  }
}

interface OperatorListChunk {
  fnArray: unknown[];
  argsArray: unknown[];
}

/** A streamed chunk as it is now (pdf.js goes on changing the one it sent); the rest is shared. */
function detachChunk(data: unknown): unknown {
  const chunk = (data as { chunk?: Partial<OperatorListChunk> } | null)?.chunk;
  // Bytes streamed to the worker (a document read from the network) are not changed after sending.
  if (!chunk || typeof chunk !== 'object' || ArrayBuffer.isView(chunk) || chunk instanceof ArrayBuffer) return data;
  const own = Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray) ? { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } : { ...chunk };
  return { ...(data as object), chunk: own };
}
