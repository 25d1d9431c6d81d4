import { makeTextStorable } from "./make-text-storable";

/**
 * Parsed JSON (from Ozon, a push or a request body) with every string, keys included, made storable
 * (makeTextStorable). Numbers, booleans and null pass unchanged; the value is copied only where a string changed.
 */
export function makeJsonStorable<T>(value: T): T {
  if (typeof value === "string") return makeTextStorable(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const storable = makeJsonStorable(item);
      if (storable !== item) changed = true;
      return storable;
    });
    return (changed ? items : value) as T;
  }
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const storableKey = makeTextStorable(key);
      const storable = makeJsonStorable(item);
      if (storableKey !== key || storable !== item) changed = true;
      return [storableKey, storable] as const;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}
