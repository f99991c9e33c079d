import path from "node:path";
import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { ProviderError } from "./errors";
import { baseUrlFrom, joinUrl, providerJson } from "./http";
import type { Env, ProviderAdapter, ProviderJob, QueueClient, ShapeSpec } from "./types";

/**
 * A self-hosted ComfyUI server (reference/providers.md §3.8): `POST /prompt` with a workflow in
 * API format, poll `GET /history/{id}`, then the image is served by `GET /view`. The job's
 * `modelId` is the path of a workflow template whose string values may be exactly one of the
 * placeholders below; everything else in the workflow is the operator's business.
 */

const PLACEHOLDERS = ["prompt", "width", "height", "seed", "count"] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];
const ALLOWED = PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ");
const EXACT = /^\{\{(\w+)\}\}$/;
const ANY = /\{\{[^}]*\}\}/;

export interface WorkflowNode {
  class_type: string;
  inputs: Record<string, unknown>;
  [k: string]: unknown;
}
/** A workflow in ComfyUI's API format: node id → node. */
export type Workflow = Record<string, WorkflowNode>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Calls `visit` on every string inside a node input, with a readable field path ("text", "list[0]"). */
function eachString(value: unknown, field: string, visit: (s: string, field: string) => void) {
  if (typeof value === "string") visit(value, field);
  else if (Array.isArray(value)) value.forEach((v, i) => eachString(v, `${field}[${i}]`, visit));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) eachString(v, `${field}.${k}`, visit);
}

/**
 * Reads and checks a workflow template; throws an Error naming the file, node and field of the
 * first problem. Synchronous so `fromEnv` can refuse a bad COMFYUI_WORKFLOW at boot.
 */
export function loadWorkflowTemplate(path: string): Workflow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`Cannot read ComfyUI workflow ${path}: ${(err as Error).message}`);
  }
  if (!isObject(parsed)) throw new Error(`ComfyUI workflow ${path} is not a JSON object of nodes`);
  if (Array.isArray(parsed.nodes) && "links" in parsed)
    throw new Error(`ComfyUI workflow ${path} is in the editor's format; export it with "Save (API)" instead`);
  const found = new Set<string>();
  for (const [id, node] of Object.entries(parsed)) {
    if (!isObject(node) || typeof node.class_type !== "string" || !isObject(node.inputs))
      throw new Error(`ComfyUI workflow ${path}, node ${id}: not an API-format node ({class_type, inputs})`);
    for (const [field, value] of Object.entries(node.inputs))
      eachString(value, field, (s, where) => {
        const exact = EXACT.exec(s)?.[1];
        if (exact && (PLACEHOLDERS as readonly string[]).includes(exact)) return void found.add(exact);
        const token = exact ? s : ANY.exec(s)?.[0];
        if (!token) return;
        if (!exact && (PLACEHOLDERS as readonly string[]).includes(token.slice(2, -2)))
          throw new Error(`Placeholder ${token} in workflow ${path}, node ${id} input ${where} must be the whole string value`);
        throw new Error(`Unknown placeholder ${token} in workflow ${path}, node ${id} input ${where}; allowed: ${ALLOWED}`);
      });
  }
  if (!found.has("prompt")) throw new Error(`ComfyUI workflow ${path} has no "{{prompt}}" placeholder (set it as the positive prompt's text)`);
  return parsed as Workflow;
}

/**
 * ComfyUI makes exactly the size the workflow asks for, so the shape's size is used as is,
 * rounded to a multiple of 8 within EmptyLatentImage's range (64–8192). There is no quality
 * tier: "hd" runs the same workflow (an operator wanting more steps adds another catalog entry).
 */
export function comfyuiSize(shape: Pick<ShapeSpec, "width" | "height">): { width: number; height: number } {
  const fit = (n: number) => Math.min(8192, Math.max(64, Math.round(n / 8) * 8));
  return { width: fit(shape.width), height: fit(shape.height) };
}

/** A copy of the template with its placeholders replaced; numbers go in as JSON numbers. */
export function fillWorkflow(template: Workflow, job: Pick<ProviderJob, "prompt" | "seed" | "shape">): Workflow {
  const { width, height } = comfyuiSize(job.shape);
  const values: Record<Placeholder, string | number> = {
    prompt: job.prompt,
    width,
    height,
    // KSampler needs a seed; without one from the job, any 32-bit value will do.
    seed: job.seed ?? randomInt(0, 2 ** 32),
    count: 1,
  };
  const fill = (v: unknown): unknown => {
    if (typeof v === "string") {
      const p = EXACT.exec(v)?.[1] as Placeholder | undefined;
      return p && p in values ? values[p] : v;
    }
    if (Array.isArray(v)) return v.map(fill);
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return Object.fromEntries(Object.entries(template).map(([id, node]) => [id, { ...node, inputs: fill(node.inputs) as Record<string, unknown> }]));
}

interface HistoryImage {
  filename?: string;
  subfolder?: string;
  type?: string;
}
interface HistoryEntry {
  outputs?: Record<string, { images?: HistoryImage[] }>;
  status?: { status_str?: string; completed?: boolean; messages?: [string, Record<string, unknown>][] };
}

function client(base: string, templates: Map<string, Workflow>): QueueClient & { maxInFlight: number } {
  const label = "comfyui";
  // Identifies this process's prompts in ComfyUI's queue; nothing of the Pixola user is sent.
  const clientId = randomUUID();
  const template = (path: string) => {
    let t = templates.get(path);
    if (!t) {
      try {
        t = loadWorkflowTemplate(path);
      } catch (err) {
        throw new ProviderError("invalid", "comfyui: the workflow template is invalid", { detail: (err as Error).message, cause: err });
      }
      templates.set(path, t);
    }
    return t;
  };
  return {
    kind: "queue",
    pollIntervalMs: 1000,
    // ComfyUI runs one prompt at a time; one queued behind the running one keeps the GPU busy
    // without parking jobs in its queue until their deadlines pass.
    maxInFlight: 2,
    async submit(job, io) {
      const body = { prompt: fillWorkflow(template(job.modelId), job), client_id: clientId };
      const res = await providerJson<{ prompt_id?: string }>(label, joinUrl(base, "prompt"), { body }, io);
      if (!res.prompt_id) throw new ProviderError("transient", "comfyui: no prompt id in the answer");
      return { id: res.prompt_id };
    },
    async check(handle, _job, io) {
      const history = await providerJson<Record<string, HistoryEntry>>(label, joinUrl(base, `history/${encodeURIComponent(handle.id)}`), { method: "GET" }, io);
      const entry = isObject(history) ? history[handle.id] : undefined;
      // ComfyUI writes the history entry when the prompt has finished; until then it answers {}.
      if (!entry) return { state: "pending" };
      if (entry.status?.status_str === "error") {
        const failure = entry.status.messages?.find(([type]) => type === "execution_error")?.[1];
        throw new ProviderError("transient", "comfyui: the workflow failed", { detail: JSON.stringify(failure ?? entry.status).slice(0, 300), jobFailed: true });
      }
      const images = Object.values(entry.outputs ?? {}).flatMap((o) => o.images ?? []);
      // SaveImage writes type "output"; PreviewImage's "temp" files are a fallback.
      const img = images.find((i) => i.type === "output" && i.filename) ?? images.find((i) => i.filename);
      if (!img?.filename) {
        if (entry.status && !entry.status.completed) return { state: "pending" };
        throw new ProviderError("invalid", "comfyui: the workflow produced no image (does it end in SaveImage?)");
      }
      const q = (k: string, v: string) => `${k}=${encodeURIComponent(v)}`;
      const url = `${joinUrl(base, "view")}?${q("filename", img.filename)}&${q("subfolder", img.subfolder ?? "")}&${q("type", img.type ?? "output")}`;
      return { state: "done", output: { url } };
    },
  };
}

/** COMFYUI_PRICE: whole credits per standard image (hd costs twice as much). */
function comfyPrice(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`COMFYUI_PRICE must be a whole number of credits (got '${raw}').`);
  return n;
}

export const comfyuiProvider: ProviderAdapter = {
  name: "comfyui",
  label: "ComfyUI",
  env: { baseUrl: "COMFYUI_URL", other: ["COMFYUI_WORKFLOW", "COMFYUI_MODEL_NAME", "COMFYUI_PRICE"] },
  /** COMFYUI_URL + COMFYUI_WORKFLOW add one model, `comfyui`, that runs the operator's workflow on their own GPU. */
  catalogEntries(env: Env) {
    if (!env.COMFYUI_URL || !env.COMFYUI_WORKFLOW) return [];
    const price = comfyPrice(env.COMFYUI_PRICE);
    return [
      {
        slug: "comfyui",
        name: env.COMFYUI_MODEL_NAME || "ComfyUI (self-hosted)",
        description: "The operator's own ComfyUI workflow, run on this server's GPU: whatever checkpoint and nodes the workflow uses.",
        bestFor: "models and workflows the operator runs themselves",
        tags: ["self-hosted", "open-weights"],
        provider: "comfyui",
        providerModelId: path.resolve(env.COMFYUI_WORKFLOW),
        researcher: "Self-hosted",
        pricing: { standard: price, hd: price * 2 },
        capabilities: { seed: true, referenceImages: false, maxImagesPerCall: 1, output: "raster" },
      },
    ];
  },
  fromEnv(env: Env) {
    if (!env.COMFYUI_URL) return null;
    const url = baseUrlFrom(env, "COMFYUI_URL", "");
    const templates = new Map<string, Workflow>();
    // The built-in catalog entry's workflow is checked at boot, so a typo fails fast.
    const wf = env.COMFYUI_WORKFLOW;
    if (wf) templates.set(path.resolve(wf), loadWorkflowTemplate(wf));
    return client(url, templates);
  },
};
