import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import shapes from "@/db/catalog/shapes.json";
import type { ProviderError } from "@/lib/providers/errors";
import { downloadOutput } from "@/lib/providers/http";
import type { ProviderIo, ProviderJob, QueueClient } from "@/lib/providers/types";
import type { FakeProvider } from "@/tests/fixtures/fake-provider";

/**
 * Shared setup of the provider adapter tests (lib/providers/*.test.ts): a job builder, the fake
 * provider and the client pointed at it, the "submit, check until done, download" loop of a
 * queue provider, and the error of a call that must fail.
 */

const square = shapes.find((s) => s.slug === "square")!;

/**
 * A job builder for one provider's tests: a square raster image of "a lighthouse at dusk",
 * standard quality, no seed and no style, then the provider's `defaults`, then each call's overrides.
 */
export const testJob =
  (defaults: Partial<ProviderJob> & Pick<ProviderJob, "modelId">) =>
  (over: Partial<ProviderJob> = {}): ProviderJob => ({
    prompt: "a lighthouse at dusk",
    rawPrompt: "a lighthouse at dusk",
    seed: undefined,
    quality: "standard",
    shape: square,
    style: { slug: "none", palette: [] },
    output: "raster",
    ...defaults,
    ...over,
  });

/**
 * Starts the fake in beforeAll and connects a client to it, closes it in afterAll, and before
 * each test forgets its recorded requests and sets the "ok" scenario. Read `fake` and `client`
 * inside tests and hooks (they exist once beforeAll has run).
 */
export function useFake<F extends FakeProvider, C>(start: () => Promise<F>, connect: (fake: F) => C) {
  let fake: F | undefined;
  let client: C | undefined;
  beforeAll(async () => {
    fake = await start();
    client = connect(fake);
  });
  afterAll(() => fake?.close());
  beforeEach(() => {
    fake!.reset();
    fake!.setScenario("ok");
  });
  const started = <T>(v: T | undefined) => {
    if (v === undefined) throw new Error("useFake: the fake starts in beforeAll");
    return v;
  };
  return {
    get fake(): F {
      return started(fake);
    },
    get client(): C {
      return started(client);
    },
  };
}

/**
 * Submits the job, then checks until it is done (at most `maxChecks` checks) and downloads the
 * image URL like the worker does. `io` may be a function for a fresh signal per call.
 */
export async function runToDone(
  client: QueueClient,
  job: ProviderJob,
  io: ProviderIo | (() => ProviderIo),
  { provider, maxChecks = 10 }: { provider: string; maxChecks?: number },
) {
  const nextIo = typeof io === "function" ? io : () => io;
  const handle = await client.submit(job, nextIo());
  for (let checks = 1; checks <= maxChecks; checks++) {
    const st = await client.check(handle, job, nextIo());
    if (st.state === "done") {
      expect("url" in st.output, "expected a URL output").toBe(true);
      const { url } = st.output as { url: string };
      const bytes = await downloadOutput(provider, url, nextIo());
      return { output: st.output, url, bytes, checks, meta: await sharp(bytes).metadata() };
    }
  }
  throw new Error(`still pending after ${maxChecks} checks`);
}

/** The error `p` rejects with; the test fails if it resolves. */
export const failure = (p: Promise<unknown>) => p.then(() => expect.fail("expected a failure"), (e: unknown) => e as ProviderError);
