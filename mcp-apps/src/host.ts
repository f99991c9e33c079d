import { App, applyDocumentTheme, applyHostStyleVariables, type McpUiHostContext } from "@modelcontextprotocol/ext-apps";
import type { CallToolResult } from "@modelcontextprotocol/client";

/** A tool's answer as the view needs it: the structured content, or the tool's own words on failure. */
export class ToolFailure extends Error {}

export interface View {
  app: App;
  /** Calls a Pixola tool through the host; throws a ToolFailure with the tool's message when it fails. */
  call<T>(name: string, args?: Record<string, unknown>, meta?: Record<string, unknown>): Promise<T>;
}

export interface ViewHandlers {
  /** The arguments the model called this view's tool with. */
  onInput?(args: Record<string, unknown>): void;
  /** The result of the model's call of this view's tool. */
  onResult?(result: CallToolResult): void;
}

function textOf(result: CallToolResult): string {
  return result.content
    .flatMap((c) => (c.type === "text" ? [c.text] : []))
    .join(" ")
    .trim();
}

/** The failure as a person should read it: the tool's message, without protocol wrapping. */
export function failureText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^MCP error -?\d+:\s*/, "") || "Something went wrong. Please try again.";
}

/** Reads a tool result, or throws its message when the tool reported an error. */
export function structured<T>(result: CallToolResult): T {
  if (result.isError) throw new ToolFailure(textOf(result) || "The tool reported an error.");
  return result.structuredContent as T;
}

function applyContext(ctx: McpUiHostContext | undefined) {
  if (!ctx) return;
  if (ctx.theme) applyDocumentTheme(ctx.theme);
  if (ctx.styles?.variables) applyHostStyleVariables(ctx.styles.variables);
  const dims = ctx.containerDimensions as { maxHeight?: number; height?: number } | undefined;
  const maxHeight = dims?.height ?? dims?.maxHeight;
  if (maxHeight) document.documentElement.style.setProperty("--view-max-height", `${maxHeight}px`);
}

/**
 * Connects the view to its host: theme and size follow the host's context, the handlers see
 * the model's call of the view's tool. Everything else goes through `call` (tools/call via the host).
 */
export async function connectView(name: string, handlers: ViewHandlers = {}): Promise<View> {
  const app = new App({ name: `pixola-${name}`, version: "1.0.0" }, {}, { autoResize: true });
  if (window.matchMedia?.("(prefers-color-scheme: dark)").matches) applyDocumentTheme("dark");
  app.ontoolinput = (p) => handlers.onInput?.(p.arguments ?? {});
  app.ontoolresult = (r) => handlers.onResult?.(r as CallToolResult);
  app.onhostcontextchanged = (ctx) => applyContext(ctx);
  app.onteardown = async () => ({});
  await app.connect();
  applyContext(app.getHostContext());
  return {
    app,
    async call<T>(tool: string, args: Record<string, unknown> = {}, meta?: Record<string, unknown>) {
      const result = await app.callServerTool({ name: tool, arguments: args, ...(meta ? { _meta: meta } : {}) }, { timeout: 120_000 });
      return structured<T>(result as CallToolResult);
    },
  };
}
