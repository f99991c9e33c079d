import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { closeKeyDialog, createKey, generateInPlayground, signUp } from "./helpers";
import { pageShots } from "./page-shots";

async function generate(request: APIRequestContext, key: string, prompt: string, count: number, quality: "standard" | "hd") {
  const res = await request.post("/api/v1/generate", {
    headers: { Authorization: `Bearer ${key}` },
    data: { prompt, model: "procedural", count, quality },
  });
  expect(res.status()).toBe(202);
  const { batchId } = await res.json();
  await expect(async () => {
    const batch = await (await request.get(`/api/v1/batches/${batchId}`, { headers: { Authorization: `Bearer ${key}` } })).json();
    expect(batch.status).toBe("succeeded");
  }).toPass({ timeout: 60_000, intervals: [500, 1_000] });
}

/** The credits spent per prompt prefix, read from the ledger on the Credits page. */
async function ledgerSpend(page: Page, prefixes: string[]) {
  await page.goto("/credits");
  const rows = page.getByTestId("ledger-row").and(page.locator("[data-kind=reserve]"));
  await expect(rows).toHaveCount(4);
  const spend = Object.fromEntries(prefixes.map((p) => [p, 0]));
  for (const row of await rows.all()) {
    const text = await row.innerText();
    const amount = Number(text.match(/−([\d,]+)\s/)![1].replace(",", ""));
    const prefix = prefixes.find((p) => text.includes(p))!;
    spend[prefix] += amount;
  }
  return spend;
}

const figures = async (row: ReturnType<Page["getByTestId"]>) => {
  const cells = await row.getByRole("cell").allInnerTexts();
  return { images: Number(cells[1]), credits: Number(cells[2]) };
};

test("usage per key, per model and for the playground equals the ledger", async ({ page, request }) => {
  test.setTimeout(180_000);
  await signUp(page);
  const laptop = await createKey(page, "Laptop");
  await closeKeyDialog(page);
  const ci = await createKey(page, "CI");
  await closeKeyDialog(page);

  await generate(request, laptop, "laptop-one wide fields", 2, "standard");
  await generate(request, laptop, "laptop-two night sky", 1, "hd");
  await generate(request, ci, "ci-one red barn", 3, "hd");
  await generateInPlayground(page, "playground-one lighthouse");

  const spend = await ledgerSpend(page, ["laptop-", "ci-", "playground-"]);
  expect(spend["laptop-"]).toBeGreaterThan(0);

  await page.goto("/usage");
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
  const total = spend["laptop-"] + spend["ci-"] + spend["playground-"];
  await expect(page.getByTestId("usage-total-images")).toHaveText("7");
  await expect(page.getByTestId("usage-total-credits")).toHaveText(String(total));

  const perSource = page.getByRole("table", { name: "Per source: images and credits" });
  expect(await figures(perSource.getByTestId("usage-row").filter({ hasText: "Key: Laptop" }))).toEqual({ images: 3, credits: spend["laptop-"] });
  expect(await figures(perSource.getByTestId("usage-row").filter({ hasText: "Key: CI" }))).toEqual({ images: 3, credits: spend["ci-"] });
  expect(await figures(perSource.getByTestId("usage-row").filter({ hasText: "Playground" }))).toEqual({ images: 1, credits: spend["playground-"] });
  const perModel = page.getByRole("table", { name: "Per model: images and credits" });
  expect(await figures(perModel.getByTestId("usage-row").filter({ hasText: "procedural" }))).toEqual({ images: 7, credits: total });

  // The charts are drawn (one bar chart per day series, one per breakdown), and the daily table agrees.
  await expect(page.locator(".recharts-surface")).toHaveCount(4);
  await page.getByText("Show the daily figures as a table").click();
  const today = page.getByRole("table", { name: "Images and credits per day" }).getByRole("row").last();
  await expect(today.getByRole("cell").nth(1)).toHaveText("7");
  await expect(today.getByRole("cell").nth(2)).toHaveText(String(total));
  await page.getByText("Show the daily figures as a table").click();
  await pageShots(page, "usage");

  // The API keys page shows each key's last 30 days next to "last used".
  await page.goto("/settings/api-keys");
  const keyRow = (name: string) => page.getByTestId("api-key-row").filter({ hasText: name }).getByTestId("key-usage");
  await expect(keyRow("Laptop")).toHaveText(`3 images · ${spend["laptop-"]} credits`);
  await expect(keyRow("CI")).toHaveText(`3 images · ${spend["ci-"]} credits`);
  await pageShots(page, "api-keys");
});
