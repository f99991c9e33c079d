import type { Scope } from "@/lib/context";

/**
 * The OAuth scopes of /mcp: the same three names API keys carry, so a grant and a key mean the
 * same thing. Plain words for the consent page and Settings → Connected apps.
 */
export const SCOPE_WORDS: Record<Scope, string> = {
  "images:generate": "Generate images on your credits",
  "images:read": "Read your images",
  "credits:read": "See your credit balance",
};

/** Asked for by clients so they get a refresh token; it grants no access of its own. */
export const OFFLINE_ACCESS = "offline_access";

/**
 * The scope each tool needs when called with an OAuth token (keys are checked by the tools'
 * port, lib/mcp/hosted/in-process-port.ts). The catalog tools read nothing of the user's, but the
 * issue puts them under images:read so a token without it gets a clear step-up, not a mix.
 */
export const TOOL_SCOPES: Record<string, Scope> = {
  generate_image: "images:generate",
  list_images: "images:read",
  get_image: "images:read",
  get_batch: "images:read",
  list_models: "images:read",
  list_styles: "images:read",
  list_shapes: "images:read",
  check_credits: "credits:read",
};

export const isScope = (s: string): s is Scope => s in SCOPE_WORDS;
