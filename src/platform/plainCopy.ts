import { toRaw } from 'vue'

/**
 * A plain deep copy of JSON-like data. IndexedDB cannot store Vue's reactive proxies
 * (structured clone throws DataCloneError), so anything read from reactive state is
 * copied before it is written.
 */
export function plainCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(toRaw(value))) as T)
}
