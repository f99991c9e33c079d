import type { Env, ProviderAdapter, SyncClient } from "../types";
import { createRenderPool, renderThreadsFromEnv, type RenderPool } from "./render-pool";

/** Greys from near-black to near-white, for a style without a palette. */
const NEUTRAL_PALETTE = ["#1c1f26", "#3b4250", "#64707f", "#95a1ad", "#c6ced6", "#eef1f4"];

/**
 * The built-in procedural renderer: always configured, no network. It runs on the CPU lane, in
 * a pool of worker threads (RENDER_THREADS, default cores − 1), so drawing never blocks the
 * event loop that serves requests. It draws at the shape's exact size.
 */
export const embeddedProvider: ProviderAdapter = {
  name: "embedded",
  label: "Pixola embedded renderer",
  env: { other: ["RENDER_THREADS"] },
  fromEnv(env: Env) {
    const size = renderThreadsFromEnv(env);
    let pool: RenderPool | null = null; // threads start on the first render, so commands that never render pay nothing
    const client: SyncClient & { lane: "cpu"; maxInFlight: number; close(): Promise<void> } = {
      kind: "sync",
      lane: "cpu",
      maxInFlight: size,
      async generate(job, io) {
        pool ??= createRenderPool({ size });
        const r = await pool.render(
          {
            // The scene comes from the user's words; the style's template words ("watercolor",
            // "brush strokes") would only add spurious motifs. The style drives the palette and look.
            prompt: job.rawPrompt,
            seed: job.seed ?? 0,
            width: job.shape.width,
            height: job.shape.height,
            palette: job.style.palette.length ? job.style.palette : NEUTRAL_PALETTE,
            styleSlug: job.style.slug,
            quality: job.quality,
            format: "png",
          },
          io.signal,
        );
        return { bytes: r.bytes };
      },
      async close() {
        await pool?.close();
        pool = null;
      },
    };
    return client;
  },
};
