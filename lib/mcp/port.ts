import type { ServerContext } from "@modelcontextprotocol/server";
import type { ModelSummary, ShapeView, StyleView } from "@/lib/catalog/schemas";
import type { CreditsView } from "@/lib/credits/get-credits";
import type { BatchView, GenerateInput, ImageView, SubmitResult } from "@/lib/generation/schemas";

/**
 * Everything the MCP tools may do, and nothing else. `/mcp` passes an in-process port over
 * the domain verbs; the desktop bundle can pass one that calls /api/v1 with the user's key,
 * so the tools never import the database or the runtime.
 */
export interface PixolaPort {
  /** Quoted in internal-error messages and logged with the cause. */
  readonly requestId: string;
  listModels(): Promise<{ defaultModel: string; models: ModelSummary[] }>;
  listStyles(): Promise<{ defaultStyle: string; categories: { category: string; styles: StyleView[] }[] }>;
  listShapes(): Promise<{ defaultShape: string; shapes: ShapeView[] }>;
  checkCredits(): Promise<CreditsView>;
  /** Submits a batch; the same idempotency key with the same input returns the same batch. */
  generate(input: GenerateInput, idempotencyKey?: string): Promise<SubmitResult>;
  getBatch(batchId: string): Promise<BatchView>;
  /**
   * Resolves when an image of the batch may have settled, or after `maxMs` at the latest.
   * A cheap hint only: callers re-read the batch either way.
   */
  waitForBatchChange(batchId: string, maxMs: number, signal: AbortSignal): Promise<void>;
  listImages(input: { limit?: number; cursor?: string }): Promise<{ images: ImageView[]; nextCursor: string | null }>;
  getImage(imageId: string): Promise<ImageView>;
  /** The stored bytes of a succeeded image (for thumbnails), or null when there are none. */
  imageBytes(image: ImageView): Promise<Uint8Array | null>;
}

/** How a tool call gets its port: per call, because the caller's identity is per request. */
export type PortFactory = (ctx: ServerContext) => PixolaPort | Promise<PixolaPort>;

/** Settings the hosted server reads from its configuration; a local bundle picks its own. */
export interface ToolSettings {
  /** How long generate_image waits for its batch before handing over to get_batch. */
  waitMs: number;
  /** Whether generate_image returns small inline WebP previews. */
  inlineThumbnails: boolean;
}
