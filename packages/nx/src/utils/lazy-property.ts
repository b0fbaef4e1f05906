/**
 * Defines `key` on `object` as computed on first read and kept from then on (an own, enumerable property either
 * way, so spreading, `JSON.stringify` and structured cloning see the value).
 */
export function lazyProperty<T extends object, K extends keyof T>(object: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(object, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      Object.defineProperty(object, key, { configurable: true, enumerable: true, writable: true, value });
      return value;
    },
  });
}
