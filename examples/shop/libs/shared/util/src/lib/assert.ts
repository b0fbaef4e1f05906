/** Narrows away `null`/`undefined`, throwing with `message` otherwise. */
export function assertDefined<T>(value: T | null | undefined, message: string): asserts value is T {
  if (value === null || value === undefined) {
    throw new Error(message);
  }
}

/** Exhaustiveness check for discriminated unions in `switch` statements. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
