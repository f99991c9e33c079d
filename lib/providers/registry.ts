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

/** The clients this environment configures, by provider name (the embedded renderer always). */
export function configureProviders(env: Env): Map<string, ProviderClient> {
  const out = new Map<string, ProviderClient>();
  for (const p of PROVIDERS) {
    const client = p.fromEnv(env);
    if (client) out.set(p.name, client);
  }
  return out;
}
