/**
 * The desktop bundle's entry point (built by scripts/bundle.ts into server/index.js): Pixola's
 * MCP tools over stdio, each call answered by the Pixola server through /api/v1.
 */
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { createLocalServer, readLocalConfig } from "@/lib/mcp/local/local-server";

declare const PIXOLA_VERSION: string;

const config = readLocalConfig(process.env);
serveStdio(() => createLocalServer(config, PIXOLA_VERSION));
