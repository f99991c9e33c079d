import type { WindowCounter, WindowSpec } from "./window";

/**
 * The embedded limiter: Upstash's sliding- and fixed-window arithmetic over a Map, so a
 * single process behaves exactly as it would against Redis. Counters live in this process
 * only, which is why it is the default only for the single-process embedded setup.
 */
export function memoryWindow(spec: WindowSpec, now: () => number = Date.now): WindowCounter {
  const used = new Map<string, number>(); // `${id}:${windowIndex}` → requests counted
  let sweptWindow = -1;

  // Once per window, forget windows older than the previous one (nothing reads them again).
  const sweep = (current: number) => {
    if (current === sweptWindow) return;
    sweptWindow = current;
    for (const key of used.keys()) {
      if (Number(key.slice(key.lastIndexOf(":") + 1)) < current - 1) used.delete(key);
    }
  };

  return {
    async limit(id, tokens, rate = 1) {
      const t = now();
      const index = Math.floor(t / spec.ms);
      sweep(index);
      const reset = (index + 1) * spec.ms;
      const key = `${id}:${index}`;
      const current = used.get(key) ?? 0;

      if (spec.kind === "fixed") {
        // Like Upstash's fixedWindow script: count first, then compare.
        const after = current + rate;
        used.set(key, after);
        return { success: after <= tokens, limit: tokens, remaining: Math.max(0, tokens - after), reset };
      }

      // Like Upstash's slidingWindow script: a refused request is not counted.
      const previous = Math.floor((1 - (t % spec.ms) / spec.ms) * (used.get(`${id}:${index - 1}`) ?? 0));
      if (rate > 0 && previous + current >= tokens) return { success: false, limit: tokens, remaining: 0, reset };
      const after = current + rate;
      used.set(key, after);
      return { success: true, limit: tokens, remaining: Math.max(0, tokens - (after + previous)), reset };
    },
  };
}
