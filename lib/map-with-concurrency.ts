/**
 * `Promise.all(items.map(work))` with at most `limit` calls in flight, results in input order.
 * Used where hundreds of homeserver requests would otherwise start at once and each wait
 * behind the rest (Synapse handles a handful of concurrent requests per user well, not 500).
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      // Indices below items.length always hold an item.
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
