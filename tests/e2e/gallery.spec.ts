import { expect, test } from "@playwright/test";
import { closeKeyDialog, createKey, signUp } from "./helpers";

test("the gallery pages through images made over REST, newest first", async ({ page, request }) => {
  // 28 renders on a 2-core machine that may be busy with other work: allow generous time.
  test.setTimeout(180_000);
  await signUp(page);
  const key = await createKey(page, "REST batch");
  await closeKeyDialog(page);

  // 7 batches of 4 = 28 images: more than one page of 24.
  const prompts: string[] = [];
  const batchIds: string[] = [];
  for (let i = 1; i <= 7; i++) {
    const prompt = `Rest batch ${i} of seven`;
    const res = await request.post("/api/v1/generate", {
      headers: { Authorization: `Bearer ${key}` },
      data: { prompt, model: "procedural", count: 4 },
    });
    expect(res.status()).toBe(202);
    prompts.push(prompt);
    batchIds.push((await res.json()).batchId);
  }
  // Every image finished first: the gallery shows finished images, so a page read while some
  // still render would be short.
  // Long-polls (`wait`), newest batch first: the queue runs oldest first, so by then the others
  // are done and each takes one request. About 20 requests in all, inside the key's limit of 30
  // a minute however slowly the machine renders.
  const deadline = Date.now() + 150_000;
  for (const id of [...batchIds].reverse()) {
    for (;;) {
      const res = await request.get(`/api/v1/batches/${id}?wait=20`, { headers: { Authorization: `Bearer ${key}` }, timeout: 30_000 });
      expect(res.status(), await res.text()).toBe(200);
      const batch = await res.json();
      if (batch.status === "succeeded") break;
      expect(["queued", "running"], `batch ${id}`).toContain(batch.status);
      expect(Date.now(), `batch ${id} still ${batch.status}`).toBeLessThan(deadline);
    }
  }

  await expect(async () => {
    await page.goto("/images");
    await expect(page.getByRole("list", { name: "Your images" }).getByRole("listitem")).toHaveCount(24, { timeout: 1_000 });
    await expect(page.getByRole("link", { name: "Older" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000] });

  const tiles = page.getByRole("list", { name: "Your images" }).getByRole("listitem");
  await expect(tiles.first()).toContainText(prompts[6]);
  await page.getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(/\/images\?cursor=/);
  await expect(tiles).toHaveCount(4);
  await expect(tiles.last()).toContainText(prompts[0]);
  await expect(page.getByRole("link", { name: "Older" })).toHaveCount(0);
  await page.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\/images$/);

  // A hand-edited cursor goes back to the first page rather than erroring.
  await page.goto("/images?cursor=garbage");
  await expect(page).toHaveURL(/\/images$/);
});
