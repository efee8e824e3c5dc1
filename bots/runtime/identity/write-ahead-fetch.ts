/**
 * Crash safety for a store that reaches disk by snapshots. The crypto and sync state lives in
 * memory and is saved as a whole; a SIGKILL loses whatever changed since the last save. That
 * is harmless only if nothing that depends on the change has left the process yet. So the
 * bot's HTTP requests pass through this gate, which saves first whenever a request would make
 * the in-memory state the only copy of something:
 * - `/sync`: its `since` acknowledges the previous response, after which the server deletes
 *   the to-device messages (room keys) it carried;
 * - `/sendToDevice`: Olm ratchets advanced for the messages about to be sent;
 * - `/rooms/…/send`: a Megolm index used (reusing one after a restart looks like a replay);
 * - `/keys/upload`: one-time keys whose private halves must survive.
 */
type Flush = () => Promise<void>;

const MUST_SAVE_FIRST = [
  /\/sync(\?|$)/,
  /\/sendToDevice\//,
  /\/rooms\/[^/]+\/send\//,
  /\/keys\/upload(\?|$)/,
];

export interface WriteAheadFetch {
  readonly fetchFn: typeof fetch;
  /** Sets what saving means; until set, requests pass straight through. */
  setFlush(flush: Flush): void;
}

export function createWriteAheadFetch(inner: typeof fetch = fetch): WriteAheadFetch {
  let flush: Flush | undefined;
  const fetchFn: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const path = url.replace(/^[a-z]+:\/\/[^/]+/i, "");
    if (flush !== undefined && MUST_SAVE_FIRST.some((pattern) => pattern.test(path))) await flush();
    return inner(input, init);
  };
  return {
    fetchFn,
    setFlush(next) {
      flush = next;
    },
  };
}
