import fs from "node:fs";
import path from "node:path";

/** DATA_DIR/server.json tells admin scripts where the server that owns this data directory listens. */
export interface ServerFile {
  pid: number;
  appUrl: string;
}

const fileIn = (dataDir: string) => path.join(dataDir, "server.json");

export function writeServerFile(dataDir: string, appUrl: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(fileIn(dataDir), JSON.stringify({ pid: process.pid, appUrl } satisfies ServerFile));
}

export function readServerFile(dataDir: string): ServerFile | null {
  try {
    return JSON.parse(fs.readFileSync(fileIn(dataDir), "utf8")) as ServerFile;
  } catch {
    return null;
  }
}
