/**
 * What stops each started credential cache (lib/credentials/credentials.ts): its listener, and
 * the last-used times still pending. A module without imports, so that server.ts can stop them
 * on shutdown without loading the database layer at start (Next's route bundles have their own).
 */

// On globalThis, like the runtime (lib/runtime.ts): Next.js loads route handlers in module
// graphs of their own, and server.ts in another; all must find the one set.
const g = globalThis as unknown as { __pixolaCredentialStops?: Set<() => Promise<void>> };
const started = (g.__pixolaCredentialStops ??= new Set());

/** Registers a started cache's stop; returns what unregisters it. */
export function onCredentialsShutdown(stop: () => Promise<void>): () => void {
  started.add(stop);
  return () => started.delete(stop);
}

/** On shutdown (server.ts): stops listening and writes the last-used times still pending. */
export async function stopAllCredentials(): Promise<void> {
  await Promise.allSettled([...started].map((stop) => stop()));
}
