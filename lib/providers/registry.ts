import { bflProvider } from "./bfl";
import { comfyuiProvider } from "./comfyui";
import { embeddedProvider } from "./embedded/adapter";
import { falProvider } from "./fal";
import { googleProvider } from "./google";
import { lumaProvider } from "./luma";
import { openaiProvider } from "./openai";
import { replicateProvider } from "./replicate";
import { stabilityProvider } from "./stability";
import type { Env, ProviderAdapter, ProviderClient } from "./types";

/** Every provider Pixola can call: adding one is its file, its fake, and one row here. */
export const PROVIDERS: readonly ProviderAdapter[] = [
  embeddedProvider,
  falProvider,
  bflProvider,
  openaiProvider,
  googleProvider,
  replicateProvider,
  stabilityProvider,
  lumaProvider,
  comfyuiProvider,
];

export const PROVIDER_NAMES: readonly string[] = PROVIDERS.map((p) => p.name);

/**
 * The clients this environment configures, by provider name (the embedded renderer always).
 * `PROVIDER_CONCURRENCY_<NAME>` (e.g. PROVIDER_CONCURRENCY_FAL=8) caps one provider's jobs in
 * flight per worker, below PROVIDER_CONCURRENCY, e.g. to stay under an account's limit.
 */
export function configureProviders(env: Env): Map<string, ProviderClient> {
  const out = new Map<string, ProviderClient>();
  for (const p of PROVIDERS) {
    const client = p.fromEnv(env);
    if (!client) continue;
    const capVar = `PROVIDER_CONCURRENCY_${p.name.toUpperCase()}`;
    const cap = env[capVar];
    if (cap !== undefined && cap !== "") {
      const n = Number(cap);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${capVar} must be a positive integer (got '${cap}').`);
      client.maxInFlight = n;
    }
    out.set(p.name, client);
  }
  return out;
}
