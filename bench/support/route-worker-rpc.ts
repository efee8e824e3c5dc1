/**
 * Calls into a worker thread, for bench/route: the requesters' clients and the invite
 * watchers run in workers of their own, so that their work (50 clients with Rust crypto)
 * neither delays the bot under test, which runs in the main thread, nor the moment an
 * invite is noticed. A worker serves named async methods; it can also emit events, which
 * the main thread receives as they happen. Everything passed is structured-cloned.
 */
import { parentPort, Worker } from "node:worker_threads";

/** A worker's methods: each takes one argument (or none) and resolves with a cloneable value. */
export type WorkerMethods = Record<string, (args: never) => Promise<unknown>>;

type CallMessage = { kind: "call"; id: number; method: string; args: unknown };
type ResultMessage =
  | { kind: "result"; id: number; ok: true; value: unknown }
  | { kind: "result"; id: number; ok: false; error: string };
type EventMessage = { kind: "event"; event: unknown };

export interface WorkerClient<M extends WorkerMethods> {
  call<K extends keyof M & string>(
    method: K,
    ...args: Parameters<M[K]> extends [] ? [] : [Parameters<M[K]>[0]]
  ): Promise<Awaited<ReturnType<M[K]>>>;
  /** Ends the thread, whatever it is doing. */
  terminate(): Promise<void>;
}

/** Milliseconds since the epoch with sub-millisecond precision, comparable across threads. */
export function clockMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Starts the worker module at `url`; `onEvent` receives what it emits (typed by the caller:
 * the worker module exports its event type next to its methods).
 */
export function startWorker<M extends WorkerMethods>(
  url: URL,
  onEvent: (event: never) => void,
): WorkerClient<M> {
  const worker = new Worker(url);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const failAll = (error: Error): void => {
    failure ??= error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on("message", (message: ResultMessage | EventMessage) => {
    if (message.kind === "event") {
      (onEvent as (event: unknown) => void)(message.event);
      return;
    }
    const waiting = pending.get(message.id);
    if (waiting === undefined) return;
    pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new Error(message.error));
  });
  worker.on("error", (error: Error) => {
    failAll(error);
  });
  worker.on("exit", (code) => {
    failAll(new Error(`the worker ${url.pathname} exited with code ${code}`));
  });
  return {
    call(method, ...args) {
      if (failure !== undefined) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        const message: CallMessage = { kind: "call", id, method, args: args[0] };
        worker.postMessage(message);
      });
    },
    async terminate() {
      await worker.terminate();
    },
  };
}

/**
 * In the worker: answers calls with `methods`; the returned function emits an event (give it
 * the worker's event type where it is kept: `const emit: (event: MyEvent) => void = …`).
 */
export function serveWorker(methods: WorkerMethods): (event: unknown) => void {
  const port = parentPort;
  if (port === null) throw new Error("serveWorker runs in a worker thread only");
  port.on("message", (message: CallMessage) => {
    const method = methods[message.method];
    const reply = (result: ResultMessage): void => {
      port.postMessage(result);
    };
    if (method === undefined) {
      reply({ kind: "result", id: message.id, ok: false, error: `no method ${message.method}` });
      return;
    }
    (method as (args: unknown) => Promise<unknown>)(message.args).then(
      (value) => {
        reply({ kind: "result", id: message.id, ok: true, value });
      },
      (error: unknown) => {
        reply({
          kind: "result",
          id: message.id,
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      },
    );
  });
  return (event) => {
    const message: EventMessage = { kind: "event", event };
    port.postMessage(message);
  };
}
