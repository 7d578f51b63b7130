// A cache for one generation run: a value worked out once per distinct key. Endpoints that answer
// alike (same status, schema and time limit) carry the same check script, and writing its schema
// out is the costly part; the cache lives only as long as the run, so nothing outlives the model.
export type Memo<T> = (key: string, make: () => T) => T;

export function memo<T>(): Memo<T> {
  const cache = new Map<string, T>();
  return (key, make) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = make();
    cache.set(key, value);
    return value;
  };
}
