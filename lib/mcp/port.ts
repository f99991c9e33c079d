import type { ServerContext } from "@modelcontextprotocol/server";
import type { ModelList, ShapeView, StyleView } from "@/lib/catalog/schemas";
import type { CreditsView } from "@/lib/credits/schemas";
import type { BatchView, GenerateInput, ImageView, SubmitResult } from "@/lib/generation/schemas";

/** A stored image preview: WebP, longest side at most 512 px. */
export interface ImagePreview {
  bytes: Uint8Array;
  mimeType: "image/webp";
  width: number;
  height: number;
}

/**
 * Everything the MCP tools may do, and nothing else. `/mcp` passes an in-process port over
 * the domain verbs (lib/mcp/hosted/); the desktop bundle passes one that calls /api/v1 with
 * the user's key (lib/mcp/local/). The tools import neither, nor the database or the runtime.
 */
export interface PixolaPort {
  /** Quoted in internal-error messages and logged with the cause. */
  readonly requestId: string;
  listModels(): Promise<ModelList>;
  listStyles(): Promise<{ defaultStyle: string; categories: { category: string; styles: StyleView[] }[] }>;
  listShapes(): Promise<{ defaultShape: string; shapes: ShapeView[] }>;
  checkCredits(): Promise<CreditsView>;
  /** Submits a batch; the same idempotency key with the same input returns the same batch. */
  generate(input: GenerateInput, idempotencyKey?: string): Promise<SubmitResult>;
  /**
   * The batch now, or — with `waitSeconds` — as soon as it differs from how it stood when
   * asked (an image settled, the status moved), it is finished, or the time has passed.
   */
  getBatch(batchId: string, wait?: { waitSeconds: number; signal?: AbortSignal }): Promise<BatchView>;
  listImages(input: { limit?: number; cursor?: string }): Promise<{ images: ImageView[]; nextCursor: string | null }>;
  getImage(imageId: string): Promise<ImageView>;
  /** The stored preview of a succeeded image, or null when it has none (yet). */
  imagePreview(image: ImageView): Promise<ImagePreview | null>;
  /**
   * Only where the server runs on the user's computer (the bundle's `download_folder`): saves
   * the full-size files of the succeeded images and returns where, by image id.
   */
  saveLocally?(images: ImageView[]): Promise<Record<string, string>>;
}

/** How a tool call gets its port: per call, because the caller's identity is per request. */
export type PortFactory = (ctx: ServerContext) => PixolaPort | Promise<PixolaPort>;

/** Where the tools write what the client should not see (causes of internal errors). */
export interface ToolLog {
  info(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

/** Settings the hosted server reads from its configuration; a local bundle picks its own. */
export interface ToolSettings {
  /** How long generate_image waits for its batch before handing over to get_batch. */
  waitMs: number;
  /** Whether generate_image returns small inline WebP previews. */
  inlineThumbnails: boolean;
  log: ToolLog;
  /**
   * The origins image URLs (full size and previews) are served from, which the views' CSP
   * allows (resourceDomains); without it the views show no images.
   */
  imageOrigins?: () => Promise<string[]>;
}

/** What every tool registration is given. */
export interface ToolDeps {
  getPort: PortFactory;
  settings: ToolSettings;
}
