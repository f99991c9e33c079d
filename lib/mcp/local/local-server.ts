import { McpServer } from "@modelcontextprotocol/server";
import { DomainError } from "@/lib/errors";
import { PIXOLA_INSTRUCTIONS } from "../instructions";
import type { ToolLog } from "../port";
import { registerPixolaTools } from "../register-tools";
import { checkDownloadFolder } from "./download-folder";
import { createHttpPort, type HttpPortSettings } from "./http-port";
import { imageOriginsOverHttp } from "./image-origins";

/** Below Claude Desktop's ~60 s limit for a stdio tool call, with room for the answer. */
const DEFAULT_WAIT_SECONDS = 45;

export interface LocalConfig {
  /** What every tool call uses, or the reason none can run (told to the user by each tool). */
  port: HttpPortSettings | DomainError;
  waitMs: number;
}

/**
 * Reads the extension's settings, which Claude Desktop passes as environment variables
 * (mcpb/manifest.json). Never throws: a missing key or a bad URL becomes a tool error that
 * says what to fix, because a server that exits shows the user only "disconnected".
 */
export function readLocalConfig(env: Record<string, string | undefined>): LocalConfig {
  const wait = Number(env.MCPB_WAIT_SECONDS);
  const waitMs = (Number.isFinite(wait) && wait > 0 && wait <= 600 ? wait : DEFAULT_WAIT_SECONDS) * 1000;
  const baseUrl = env.PIXOLA_BASE_URL?.trim() ?? "";
  const apiKey = env.PIXOLA_API_KEY?.trim() ?? "";
  let url: URL | null = null;
  try {
    url = new URL(baseUrl);
  } catch {}
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    const problem = `The Pixola URL '${baseUrl}' is not a web address. Enter your Pixola server's address (e.g. https://pixola.example.com) in the extension's settings.`;
    return { port: new DomainError("unavailable", problem), waitMs };
  }
  const origin = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  if (!apiKey) {
    const problem = `No API key is set. Create one at ${origin}/settings/api-keys and enter it in the extension's settings.`;
    return { port: new DomainError("unauthorized", problem), waitMs };
  }
  try {
    return { port: { baseUrl: origin, apiKey, downloadFolder: checkDownloadFolder(env.PIXOLA_DOWNLOAD_FOLDER) }, waitMs };
  } catch (err) {
    return { port: new DomainError("bad_request", (err as Error).message), waitMs };
  }
}

/** One line of JSON per event on stderr, which Claude Desktop keeps in the extension's log. */
const stderrLog: ToolLog = {
  info: (message, fields) => process.stderr.write(`${JSON.stringify({ level: "info", message, ...fields })}\n`),
  error: (message, fields) => {
    const err = fields.err instanceof Error ? { name: fields.err.name, message: fields.err.message } : fields.err;
    process.stderr.write(`${JSON.stringify({ level: "error", message, ...fields, err })}\n`);
  },
};

/** The bundle's MCP server: the same tools as /mcp, each call answered through /api/v1. */
export function createLocalServer(config: LocalConfig, version: string): McpServer {
  const server = new McpServer({ name: "pixola", version }, { instructions: PIXOLA_INSTRUCTIONS });
  const { port } = config;
  registerPixolaTools(
    server,
    () => {
      if (port instanceof DomainError) throw port;
      return createHttpPort(port);
    },
    {
      waitMs: config.waitMs,
      inlineThumbnails: true,
      log: stderrLog,
      imageOrigins: async () => (port instanceof DomainError ? [] : imageOriginsOverHttp(port)),
    },
  );
  return server;
}
