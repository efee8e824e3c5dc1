/**
 * One piece of work at a time per key, in arrival order; different keys run side by side.
 * What the bots' engines use so two events for one case or item never interleave their
 * read-change-write of its record.
 */
export type SerialByKey<K> = <T>(key: K, work: () => Promise<T>) => Promise<T>;

export function serialByKey<K>(): SerialByKey<K> {
  const chains = new Map<K, Promise<unknown>>();
  return <T>(key: K, work: () => Promise<T>): Promise<T> => {
    const previous = chains.get(key) ?? Promise.resolve();
    // The next runs after the previous settles either way: one failure must not block the key.
    const next = previous.then(work, work);
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
    return next;
  };
}
