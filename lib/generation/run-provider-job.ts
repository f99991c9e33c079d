import { setTimeout as sleep } from "node:timers/promises";
import { isProviderError } from "@/lib/providers/errors";
import { downloadOutput } from "@/lib/providers/http";
import type { ProviderClient, ProviderHandle, ProviderIo, ProviderJob, ProviderOutput } from "@/lib/providers/types";

/** Status checks that fail in a row (network, 5xx, bad JSON) before the attempt gives up; the job is kept. */
const MAX_CHECK_ERRORS = 3;

export interface JobHooks {
  /** The job this image already has at the provider (a resumed image), or null. */
  handle: ProviderHandle | null;
  /** Stores a new job on the image before any waiting (so a crash resumes it). */
  saveHandle(handle: ProviderHandle): Promise<void>;
}

/**
 * Runs one image through its provider and returns the image's bytes. Queue providers submit
 * once (or resume `hooks.handle`) and are polled until done; a status call that fails is
 * retried in place, waiting out a 429's Retry-After. `io.signal` ends it (deadline, lost lease).
 */
export async function runProviderJob(client: ProviderClient, job: ProviderJob, io: ProviderIo, hooks: JobHooks): Promise<Uint8Array> {
  const output = client.kind === "sync" ? await client.generate(job, io) : await runQueued(client, job, io, hooks);
  return fetchOutput(output, io);
}

async function runQueued(client: Extract<ProviderClient, { kind: "queue" }>, job: ProviderJob, io: ProviderIo, hooks: JobHooks) {
  let handle = hooks.handle;
  if (!handle) {
    handle = await client.submit(job, io);
    await hooks.saveHandle(handle);
  }
  const interval = client.pollIntervalMs ?? 1000;
  let errors = 0;
  for (;;) {
    try {
      const state = await client.check(handle, job, io);
      errors = 0;
      if (state.state === "done") return state.output;
      await sleep(interval, undefined, { signal: io.signal });
    } catch (err) {
      // A refusal or a failed job is final for this attempt; a flaky status call is not.
      const passing = isProviderError(err) && !err.jobFailed && (err.kind === "transient" || err.kind === "rate_limited");
      if (!passing || ++errors >= MAX_CHECK_ERRORS) throw err;
      await sleep(err.retryAfterMs ?? interval * 2 ** errors, undefined, { signal: io.signal });
    }
  }
}

async function fetchOutput(output: ProviderOutput, io: ProviderIo): Promise<Uint8Array> {
  if ("bytes" in output) return output.bytes;
  return downloadOutput("output", output.url, io, output.headers);
}
