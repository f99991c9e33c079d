import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { images } from "@/db/schema";
import { deleteImage } from "@/lib/images/delete-image";
import { listImages } from "@/lib/images/list-images";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { drainQueue } from "../../helpers/drain";
import { describeEachBackend } from "../../helpers/test-db";
import { createTestEnv, type TestEnv } from "../../helpers/test-env";

describeEachBackend("gallery search, filters and delete", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("searches prompt text literally, filters by model, style and UTC day, and keeps keyset paging", async () => {
    const a = await env.newUser();
    const b = await env.newUser();
    const gen = (ctx: typeof a, prompt: string, style: string, count = 1) =>
      submitGeneration({ ctx, input: { prompt, model: "procedural", style, count }, appUrl: "http://t" });
    await gen(a, "A lighthouse at dusk", "watercolor", 3);
    await gen(a, "A LIGHTHOUSE in fog", "photographic");
    await gen(a, "100% orange_cat", "no-style");
    await gen(a, "1000 orangeXcat", "no-style");
    await gen(b, "b's lighthouse", "watercolor");
    await drainQueue(env);
    const list = (input: Parameters<typeof listImages>[0]["input"], ctx = a) => listImages({ ctx, input, store: env.store });
    const prompts = async (input: Parameters<typeof listImages>[0]["input"]) => (await list(input)).images.map((i) => i.prompt);

    expect(await prompts({ q: "lighthouse" })).toEqual(["A LIGHTHOUSE in fog", ...Array(3).fill("A lighthouse at dusk")]);
    expect(await prompts({ q: "lighthouse", style: "watercolor" })).toEqual(Array(3).fill("A lighthouse at dusk"));
    // % and _ are the characters typed, not LIKE wildcards.
    expect(await prompts({ q: "100% orange_cat" })).toEqual(["100% orange_cat"]);
    expect(await prompts({ q: "0%" })).toEqual(["100% orange_cat"]);
    expect(await prompts({ model: "no-such-model" })).toEqual([]);
    expect((await list({ model: "procedural" })).images).toHaveLength(6);

    const today = new Date().toISOString().slice(0, 10);
    expect((await list({ from: today, to: today })).images).toHaveLength(6);
    expect((await list({ to: "2020-01-01" })).images).toHaveLength(0);
    expect((await list({ from: "2999-01-01" })).images).toHaveLength(0);

    // Paging within a search: 2 + 2, the same images as one page, no repeats.
    const first = await list({ q: "lighthouse", limit: 2 });
    const second = await list({ q: "lighthouse", limit: 2, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    const all = await list({ q: "lighthouse" });
    expect([...first.images, ...second.images].map((i) => i.imageId)).toEqual(all.images.map((i) => i.imageId));

    await expect(list({ from: "2026-02-30" })).rejects.toThrow(/real calendar date/);
    await expect(list({ to: "yesterday" })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(list({ q: "x".repeat(201) })).rejects.toThrow(/at most 200/);
  });

  it("deletes the owner's image and its stored file, leaves the credits, and answers not_found to anyone else", async () => {
    const a = await env.newUser();
    const b = await env.newUser();
    await submitGeneration({ ctx: a, input: { prompt: "to delete", model: "procedural", count: 2 }, appUrl: "http://t" });
    await drainQueue(env);
    const [img] = (await listImages({ ctx: a, input: {}, store: env.store })).images;
    const [row] = await env.db.select({ key: images.storageKey, preview: images.previewKey }).from(images).where(eq(images.id, img.imageId));
    expect(await env.store.get(row.key!)).not.toBeNull();
    expect(await env.store.get(row.preview!)).not.toBeNull();
    const balance = await env.balanceOf(a.userId);

    await expect(deleteImage({ ctx: b, input: { imageId: img.imageId }, store: env.store })).rejects.toMatchObject({ code: "not_found" });
    expect(await env.store.get(row.key!)).not.toBeNull();

    await deleteImage({ ctx: a, input: { imageId: img.imageId }, store: env.store });
    expect(await env.store.get(row.key!)).toBeNull();
    expect(await env.store.get(row.preview!)).toBeNull();
    expect((await listImages({ ctx: a, input: {}, store: env.store })).images.map((i) => i.imageId)).not.toContain(img.imageId);
    expect(await env.balanceOf(a.userId)).toBe(balance);
    expect(await env.ledgerSum(a.userId)).toBe(balance);
    await expect(deleteImage({ ctx: a, input: { imageId: img.imageId }, store: env.store })).rejects.toMatchObject({ code: "not_found" });
  });
});
