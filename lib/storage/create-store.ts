import path from "node:path";
import type { Config } from "@/lib/config";
import type { ImageStore } from "./image-store";
import { createLocalStore } from "./local-store";
import { createS3Store, type S3StoreOptions } from "./s3-store";

/** The S3 driver takes the local store's URL lifetime, so one setting covers both. */
export type StoreConfig = { driver: "local" } | ({ driver: "s3" } & Omit<S3StoreOptions, "ttlSeconds">);

const S3_VARS = ["S3_ENDPOINT", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE"];

/**
 * S3 when S3_BUCKET is set, else the local disk. Half a configuration throws instead of quietly
 * falling back to local disk, where images would vanish with the container.
 */
export function readStoreConfig(env: Record<string, string | undefined>): StoreConfig {
  const v = (name: string) => env[name]?.trim() || undefined;
  const bucket = v("S3_BUCKET");
  if (!bucket) {
    const stray = S3_VARS.find((name) => v(name));
    if (stray) {
      throw new Error(`${stray} is set but S3_BUCKET is not: set S3_BUCKET to store images in S3, or unset the S3_* variables to store them on local disk.`);
    }
    return { driver: "local" };
  }
  const endpoint = v("S3_ENDPOINT");
  const endpointHost = endpoint === undefined ? undefined : hostOf(endpoint);
  const accessKeyId = v("S3_ACCESS_KEY_ID");
  const secretAccessKey = v("S3_SECRET_ACCESS_KEY");
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    const [set, missing] = accessKeyId ? ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] : ["S3_SECRET_ACCESS_KEY", "S3_ACCESS_KEY_ID"];
    throw new Error(`${set} is set but ${missing} is not: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together, or neither to use the AWS default credential chain.`);
  }
  return {
    driver: "s3",
    bucket,
    endpoint,
    region: v("S3_REGION") ?? defaultRegion(endpointHost),
    accessKeyId,
    secretAccessKey,
    forcePathStyle: readBool("S3_FORCE_PATH_STYLE", v("S3_FORCE_PATH_STYLE")),
  };
}

function hostOf(endpoint: string): string {
  const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) {
    throw new Error(`S3_ENDPOINT must be an http:// or https:// URL such as http://127.0.0.1:9000 (got '${endpoint}').`);
  }
  return url.hostname;
}

// R2 signs with the pseudo-region "auto"; everything else (AWS, MinIO) accepts us-east-1.
function defaultRegion(host: string | undefined): string {
  return host?.endsWith(".r2.cloudflarestorage.com") ? "auto" : "us-east-1";
}

function readBool(name: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const lower = value.toLowerCase();
  if (lower === "true" || lower === "1") return true;
  if (lower === "false" || lower === "0") return false;
  throw new Error(`${name} must be "true", "1", "false" or "0" (got '${value}').`);
}

export function createImageStore(
  cfg: StoreConfig,
  local: { root: string; appUrl: string; secret: string; ttlSeconds: number },
): ImageStore {
  if (cfg.driver === "local") return createLocalStore(local);
  // The URL lifetime is one setting (SIGNED_URL_TTL_SECONDS) whichever driver signs the URL.
  const { driver: _driver, ...s3 } = cfg;
  return createS3Store({ ...s3, ttlSeconds: local.ttlSeconds });
}

/** The store the configuration names: the server's, a worker's and the admin commands' alike. */
export function storeFromConfig(config: Config): ImageStore {
  return createImageStore(readStoreConfig(config.env), {
    root: path.join(config.dataDir, "images"),
    appUrl: config.appUrl,
    secret: config.urlSigningSecret,
    ttlSeconds: config.signedUrlTtlSeconds,
  });
}
