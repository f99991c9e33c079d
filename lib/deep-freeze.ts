const deeplyFrozen = new WeakSet<object>();

/**
 * Freezes a value and everything reachable from it, so a shared copy cannot be changed by a
 * caller, and remembers it as deeply frozen (`isDeeplyFrozen`).
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
    deeplyFrozen.add(value);
  }
  return value;
}

/** Whether `value` went through `deepFreeze`: neither it nor anything in it can change. */
export const isDeeplyFrozen = (value: unknown): boolean => typeof value === "object" && value !== null && deeplyFrozen.has(value);
