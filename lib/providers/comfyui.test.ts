import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import models from "@/db/catalog/models.json";
import shapes from "@/db/catalog/shapes.json";
import { startFakeComfyUi } from "@/tests/fixtures/fake-comfyui";
import { failure, runToDone, testJob, useFake } from "@/tests/helpers/provider-client";
import { comfyuiProvider, comfyuiSize, fillWorkflow, loadWorkflowTemplate, type Workflow } from "./comfyui";
import type { ProviderJob, QueueClient } from "./types";

const FIXTURE = path.resolve("tests/fixtures/comfyui-workflow.json");
const dir = mkdtempSync(path.join(tmpdir(), "pixola-comfy-"));
const fixture = () => JSON.parse(readFileSync(FIXTURE, "utf8")) as Workflow;
/** Writes a variant of the fixture workflow and returns its path. */
const variant = (name: string, edit: (wf: Workflow) => unknown) => {
  const wf = fixture();
  const out = edit(wf) ?? wf;
  const file = path.join(dir, name);
  writeFileSync(file, typeof out === "string" ? out : JSON.stringify(out));
  return file;
};

const io = { signal: new AbortController().signal };
// landscape-wide is 1344×756; 756 is not a multiple of 8, so ComfyUI gets 1344×760.
const wide = shapes.find((s) => s.slug === "landscape-wide")!;
const job = testJob({ modelId: FIXTURE, prompt: "a lighthouse at dusk, {{seed}} stays literal", seed: 1234, shape: wide });

describe("workflow templates", () => {
  it("loads the fixture and fills every placeholder with the right JSON type", () => {
    const wf = loadWorkflowTemplate(FIXTURE);
    const filled = fillWorkflow(wf, job());
    expect(filled["6"].inputs.text).toBe(job().prompt);
    expect(filled["5"].inputs).toEqual({ width: 1344, height: 760, batch_size: 1 });
    expect(filled["3"].inputs.seed).toBe(1234);
    expect(filled["3"].inputs.model).toEqual(["4", 0]);
    expect(wf["6"].inputs.text).toBe("{{prompt}}"); // the template is not mutated
  });

  it("draws a random 32-bit seed when the job has none", () => {
    const seed = fillWorkflow(loadWorkflowTemplate(FIXTURE), job({ seed: undefined }))["3"].inputs.seed as number;
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });
  it("names the file, node and field of an unknown placeholder", () => {
    const file = variant("unknown.json", (wf) => void (wf["7"].inputs.text = "{{negative}}"));
    const allowed = "{{prompt}}, {{width}}, {{height}}, {{seed}}, {{count}}";
    expect(() => loadWorkflowTemplate(file)).toThrow(`Unknown placeholder {{negative}} in workflow ${file}, node 7 input text; allowed: ${allowed}`);
  });

  it("finds placeholders inside nested values and embedded in text", () => {
    const nested = variant("nested.json", (wf) => void (wf["3"].inputs.model = ["{{model}}", 0]));
    expect(() => loadWorkflowTemplate(nested)).toThrow(/Unknown placeholder \{\{model\}\} .* node 3 input model\[0\]/);
    const embedded = variant("embedded.json", (wf) => void (wf["6"].inputs.text = "masterpiece, {{prompt}}"));
    expect(() => loadWorkflowTemplate(embedded)).toThrow(/\{\{prompt\}\} .* node 6 input text must be the whole string value/);
  });

  it("refuses a template without {{prompt}}, an editor-format export and broken JSON", () => {
    const noPrompt = variant("no-prompt.json", (wf) => void (wf["6"].inputs.text = "a cat"));
    expect(() => loadWorkflowTemplate(noPrompt)).toThrow(/no "\{\{prompt\}\}" placeholder/);
    const ui = variant("ui.json", () => ({ nodes: [], links: [], version: 0.4 }));
    expect(() => loadWorkflowTemplate(ui)).toThrow(/Save \(API\)/);
    expect(() => loadWorkflowTemplate(variant("broken.json", () => "{nope"))).toThrow(/Cannot read ComfyUI workflow/);
    expect(() => loadWorkflowTemplate(path.join(dir, "missing.json"))).toThrow(/Cannot read ComfyUI workflow/);
  });
});

describe("comfyui adapter against the fake", () => {
  const ctx = useFake(startFakeComfyUi, (f) => comfyuiProvider.fromEnv({ ...f.env, COMFYUI_WORKFLOW: FIXTURE }) as QueueClient);
  const run = (j: ProviderJob) => runToDone(ctx.client, j, io, { provider: "comfyui" });

  it("is configured by COMFYUI_URL and checks COMFYUI_WORKFLOW at boot", () => {
    expect(comfyuiProvider.fromEnv({ COMFYUI_WORKFLOW: FIXTURE })).toBeNull();
    expect(() => comfyuiProvider.fromEnv({ COMFYUI_URL: "localhost:8188" })).toThrow(/COMFYUI_URL/);
    const bad = variant("boot.json", (wf) => void (wf["6"].inputs.text = "{{promt}}"));
    expect(() => comfyuiProvider.fromEnv({ COMFYUI_URL: ctx.fake.url, COMFYUI_WORKFLOW: bad })).toThrow(/Unknown placeholder \{\{promt\}\}/);
  });

  it.each(["ok", "url"] as const)("%s: the image has exactly the shape's size", async (scenario) => {
    ctx.fake.setScenario(scenario);
    const { bytes, checks, url } = await run(job());
    expect(checks).toBe(1);
    expect(url).toContain("subfolder=pixola%20runs");
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 1344, 760]);
    const sent = ctx.fake.requests[0].body as { prompt: Workflow; client_id: string };
    expect(sent.prompt["6"].inputs.text).toBe(job().prompt);
    expect(typeof sent.client_id).toBe("string");
    expect(ctx.fake.submissions()).toBe(1);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("poll: pending while history is empty; slow: pending forever", async () => {
    ctx.fake.setScenario("poll", { pendingChecks: 2 });
    expect((await run(job())).checks).toBe(3);
    ctx.fake.setScenario("slow");
    const handle = await ctx.client.submit(job(), io);
    for (let i = 0; i < 4; i++) expect(await ctx.client.check(handle, job(), io)).toEqual({ state: "pending" });
    expect(ctx.fake.violations).toEqual([]);
  });

  it("rate-limit (a proxy's 429) and flaky 500 are retryable, then succeed", async () => {
    ctx.fake.setScenario("rate-limit");
    const limited = await failure(ctx.client.submit(job(), io));
    expect([limited.kind, limited.retryAfterMs]).toEqual(["rate_limited", 1000]);
    await run(job());
    ctx.fake.reset();
    ctx.fake.setScenario("flaky");
    const flaky = await failure(ctx.client.submit(job(), io));
    expect(flaky.kind).toBe("transient");
    expect(flaky.message).not.toMatch(/secret/);
    await run(job());
    expect(ctx.fake.violations).toEqual([]);
  });

  it("bad-json is transient", async () => {
    ctx.fake.setScenario("bad-json");
    expect((await failure(ctx.client.submit(job(), io))).kind).toBe("transient");
    expect(ctx.fake.violations).toEqual([]);
  });

  it("a workflow ComfyUI rejects (400 node_errors) is invalid", async () => {
    const file = variant("missing-ckpt.json", (wf) => void (wf["4"].inputs.ckpt_name = "nope.safetensors"));
    const err = await failure(ctx.client.submit(job({ modelId: file }), io));
    expect(err.kind).toBe("invalid");
    expect(err.detail).toMatch(/value_not_in_list/);
    expect(ctx.fake.violations).toEqual([]);
  });

  it("an execution error is transient; a workflow without SaveImage is invalid", async () => {
    ctx.fake.failNextExecution();
    const handle = await ctx.client.submit(job(), io);
    const err = await failure(ctx.client.check(handle, job(), io));
    expect(err.kind).toBe("transient");
    expect(err.message).not.toMatch(/CUDA/);
    expect(err.detail).toMatch(/CUDA out of memory/);
    const noSave = variant("no-save.json", (wf) => void delete wf["9"]);
    const h2 = await ctx.client.submit(job({ modelId: noSave }), io);
    expect((await failure(ctx.client.check(h2, job({ modelId: noSave }), io))).kind).toBe("invalid");
    expect(ctx.fake.violations).toEqual([]);
  });

  it("an invalid template is refused before any request; a loaded one is cached per path", async () => {
    const bad = variant("late.json", (wf) => void (wf["5"].inputs.width = "{{w}}"));
    expect((await failure(ctx.client.submit(job({ modelId: bad }), io))).kind).toBe("invalid");
    expect(ctx.fake.requests).toHaveLength(0);
    const file = variant("cached.json", () => undefined);
    await run(job({ modelId: file }));
    writeFileSync(file, "{broken");
    await run(job({ modelId: file }));
    expect(ctx.fake.violations).toEqual([]);
  });
});

const catalog = models.filter((m) => m.provider === "comfyui");
describe("comfyui shape mapping (EmptyLatentImage: 64–8192, multiples of 8)", () => {
  const cases = [...catalog.map((m) => m.providerModelId), "<any workflow>"].flatMap((id) => shapes.map((s) => [id, s.slug, s] as const));
  it.each(cases)("%s × %s: the shape's own size, on the 8 px grid", (_id, _slug, shape) => {
    const { width, height } = comfyuiSize(shape);
    for (const [got, want] of [[width, shape.width], [height, shape.height]]) {
      expect(got % 8).toBe(0);
      expect(got).toBeGreaterThanOrEqual(64);
      expect(got).toBeLessThanOrEqual(8192);
      expect(Math.abs(got - want)).toBeLessThanOrEqual(4);
    }
  });
  it("clamps out-of-range sizes", () => expect(comfyuiSize({ width: 20, height: 9000 })).toEqual({ width: 64, height: 8192 }));
});
