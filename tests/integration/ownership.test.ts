import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { getBatch } from "@/lib/generation/get-batch";
import { submitGeneration } from "@/lib/generation/submit-generation";
import { deleteImage } from "@/lib/images/delete-image";
import { getImage } from "@/lib/images/get-image";
import { getImagePreview } from "@/lib/images/get-image-preview";
import { listImages } from "@/lib/images/list-images";
import { drainQueue } from "../helpers/drain";
import { describeEachBackend } from "../helpers/test-db";
import { createTestEnv, type TestEnv } from "../helpers/test-env";

/** The error a caller sees, with the id it asked about blanked out. */
const seen = async (p: Promise<unknown>, id: string) => {
  const e = (await p.then(() => null, (err) => err)) as { code: string; message: string } | null;
  return e && { code: e.code, message: e.message.replace(id, "<id>") };
};

describeEachBackend("ownership", (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(backend);
  });
  afterAll(() => env?.close());

  it("user B gets for A's batch, image and key ids exactly what a missing id gets", async () => {
    const a = await env.newUser();
    const b = await env.newUser();
    const sub = await submitGeneration({ ctx: a, input: { prompt: "secret", model: "procedural" }, appUrl: "http://t" });
    await drainQueue(env);
    const { apiKey } = await createApiKey({ ctx: a, input: { name: "a's key" } });
    const store = env.store;

    const foreignBatch = await seen(getBatch({ ctx: b, input: { batchId: sub.batchId }, store }), sub.batchId);
    const missingBatch = await seen(getBatch({ ctx: b, input: { batchId: "bat_doesnotexist" }, store }), "bat_doesnotexist");
    expect(foreignBatch).toEqual({ code: "not_found", message: "Batch '<id>' was not found." });
    expect(foreignBatch).toEqual(missingBatch);

    const imageId = sub.imageIds[0];
    const foreignImage = await seen(getImage({ ctx: b, input: { imageId }, store }), imageId);
    expect(foreignImage).toEqual(await seen(getImage({ ctx: b, input: { imageId: "img_nope" }, store }), "img_nope"));
    expect(foreignImage?.code).toBe("not_found");
    const foreignPreview = await seen(getImagePreview({ ctx: b, input: { imageId }, store }), imageId);
    expect(foreignPreview).toEqual(await seen(getImagePreview({ ctx: b, input: { imageId: "img_nope" }, store }), "img_nope"));
    expect(foreignPreview).toEqual(foreignImage);
    const foreignDelete = await seen(deleteImage({ ctx: b, input: { imageId }, store }), imageId);
    expect(foreignDelete).toEqual(await seen(deleteImage({ ctx: b, input: { imageId: "img_nope" }, store }), "img_nope"));
    expect(foreignDelete?.code).toBe("not_found");

    const foreignKey = await seen(revokeApiKey({ ctx: b, input: { keyId: apiKey.id } }), apiKey.id);
    expect(foreignKey).toEqual(await seen(revokeApiKey({ ctx: b, input: { keyId: "key_nope" } }), "key_nope"));
    expect((await listApiKeys({ ctx: a }))[0].status).toBe("active"); // B's attempt did not revoke it

    expect((await listImages({ ctx: b, input: {}, store })).images).toHaveLength(0);
    expect(await listApiKeys({ ctx: b })).toHaveLength(0);
    // B's delete attempt left A's image in place.
    expect((await listImages({ ctx: a, input: {}, store })).images.map((i) => i.imageId)).toEqual([imageId]);
  });
});
