/**
 * Freezes a value and everything it holds. For answers shared between requests (a remembered reply, a
 * remembered rendering): whoever receives one cannot change what another request sends.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
