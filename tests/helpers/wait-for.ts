type Probe<T> = () => Promise<T | null | undefined | false> | T | null | undefined | false;

/**
 * Calls `probe` every `intervalMs` (default 100) until it returns something truthy, and returns
 * that; throws "timed out after <timeoutMs> ms waiting for <what>" once `timeoutMs` has passed.
 */
export async function waitFor<T>(probe: Probe<T>, { what, timeoutMs, intervalMs = 100 }: { what: string; timeoutMs: number; intervalMs?: number }): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
