/**
 * Items of a dataset derived on demand: `make(index)` builds the item at `index` (a pure function
 * of the dataset's seed and that index), and the items last asked for are kept — every item of a
 * dataset of at most `cached` items, so a small dataset is built once, and a large one holds only
 * a bounded window of objects whatever its size. Each item is deep-frozen: an answer can share it,
 * and a check of it (`checkResponse`'s memo) stays true for as long as the object lives.
 */
export function lazyItems<T extends object>(
  size: number,
  make: (index: number) => T,
  cached = 65_536,
): (index: number) => T {
  const slots = Math.max(1, Math.min(size, cached));
  const items: Array<T | undefined> = new Array(slots);
  const held = new Int32Array(slots).fill(-1);
  return (index) => {
    if (!(Number.isInteger(index) && index >= 0 && index < size))
      throw new RangeError(`no item at ${index} (the dataset holds ${size})`);
    const slot = index % slots;
    if (held[slot] === index) return items[slot]!;
    const item = deepFreeze(make(index));
    items[slot] = item;
    held[slot] = index;
    return item;
  };
}

/** Freezes `value` and every object and array it holds. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The bodies of the pages last answered, by a key naming everything a page depends on: the same
 * page asked again is the same deep-frozen object, so what was derived from it — its encoded bytes
 * (`toJsonBytes`) and its check against the spec (`checkResponse`) — is reused. At most `max`
 * pages are kept (the least recently used dropped first), so memory stays bounded.
 */
export function pageCache<T extends object>(max = 64): (key: string, make: () => T) => T {
  const pages = new Map<string, T>();
  // The page asked last is the most recently used already: asked again, it stays where it is.
  let lastKey: string | undefined;
  let lastPage: T | undefined;
  return (key, make) => {
    if (key === lastKey) return lastPage!;
    let page = pages.get(key);
    if (page !== undefined) {
      pages.delete(key);
    } else {
      page = deepFreeze(make());
      if (pages.size >= max) pages.delete(pages.keys().next().value!);
    }
    pages.set(key, page);
    lastKey = key;
    lastPage = page;
    return page;
  };
}
