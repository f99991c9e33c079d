import type { Quality } from "@/lib/catalog/schemas";

/**
 * The provider port. Each provider is one file in lib/providers/ exporting a `ProviderAdapter`,
 * registered in registry.ts. lib/generation/ knows only these types, never a provider's name.
 */

/** The shape the user asked for (db/catalog/shapes.json). Providers that cannot make it exactly pick the nearest size they document. */
export interface ShapeSpec {
  slug: string;
  width: number;
  height: number;
  /** "16:9" */
  aspectRatio: string;
}

/** One image to make. */
export interface ProviderJob {
  /** The catalog's `providerModelId` (e.g. "fal-ai/flux-2", "flux-2-pro", a ComfyUI workflow path). */
  modelId: string;
  /** The final prompt: the style's template applied to the user's prompt. */
  prompt: string;
  /** The user's prompt before the style template (the embedded renderer draws its scene from it). */
  rawPrompt: string;
  /** Undefined when the model takes no seed. */
  seed: number | undefined;
  quality: Quality;
  shape: ShapeSpec;
  style: { slug: string; palette: string[] };
  /** What the catalog says the model makes. */
  output: "raster" | "vector";
}

/** What a call may use: the job's abort signal (deadline or lost lease) and fetch. */
export interface ProviderIo {
  signal: AbortSignal;
}

/** The image, as bytes or as a provider URL that the runner downloads at once (provider URLs expire). */
export type ProviderOutput = { bytes: Uint8Array } | { url: string; headers?: Record<string, string> };

/**
 * A submitted provider job, stored on the image (JSON) before waiting, so a worker that dies
 * resumes polling the same job instead of paying the provider twice.
 */
export interface ProviderHandle {
  id: string;
  [field: string]: string;
}

export type JobState =
  | { state: "pending"; /** 0..1 when the provider says */ progress?: number }
  | { state: "done"; output: ProviderOutput };

/** A provider answered in one call (OpenAI, Google, Stability, the embedded renderer). */
export interface SyncClient {
  kind: "sync";
  generate(job: ProviderJob, io: ProviderIo): Promise<ProviderOutput>;
}

/** A queue or polling API (fal, BFL, Replicate, Luma, ComfyUI). */
export interface QueueClient {
  kind: "queue";
  /** Starts the job and returns its handle; called once per job. */
  submit(job: ProviderJob, io: ProviderIo): Promise<ProviderHandle>;
  /** Asks once how the job is doing; never submits. */
  check(handle: ProviderHandle, job: ProviderJob, io: ProviderIo): Promise<JobState>;
  /** How long to wait between checks (default 1000 ms). */
  pollIntervalMs?: number;
}

export type ProviderClient = (SyncClient | QueueClient) & {
  /** Where jobs run: "io" (network, many in flight) or "cpu" (the embedded renderer's thread pool). */
  lane?: "io" | "cpu";
  /** Most jobs of this provider in flight per worker process (PROVIDER_CONCURRENCY still caps the total). */
  maxInFlight?: number;
  close?(): Promise<void>;
};

/** Read-only view of the environment. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface ProviderAdapter {
  /** The catalog's `provider` value. */
  name: string;
  /** Human name, for docs and logs. */
  label: string;
  /** The variables it reads, for the README and error messages. */
  env: { key?: string; baseUrl?: string; defaultBaseUrl?: string; other?: string[] };
  /** The client when this environment configures the provider, else null. Throws with a clear message on a half-configured provider. */
  fromEnv(env: Env): ProviderClient | null;
  /** Catalog entries this provider adds when configured (ComfyUI's operator-defined model); validated like CATALOG_FILE's. */
  catalogEntries?(env: Env): unknown[];
}
