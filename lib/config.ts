import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Configuration read from the environment once per process. Everything has an embedded
 * default so that `npm start` works with no variables at all.
 */
export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  defaultModel: string | undefined;
  appUrl: string;
  authSecret: string;
  urlSigningSecret: string;
  adminToken: string;
  /** Run the generation worker inside the web process (the embedded default). */
  inProcessWorker: boolean;
  /** Provider jobs in flight per worker process (PROVIDER_CONCURRENCY); renders use RENDER_THREADS. */
  providerConcurrency: number;
  /** Short, renewed while a job is alive, so a dead worker's image is taken over within about this long. */
  leaseSeconds: number;
  maxAttempts: number;
  /** An image's overall deadline from its first attempt (PROVIDER_TIMEOUT_SECONDS). */
  providerTimeoutSeconds: number;
  /** Queued images no live worker can run fail after this long (QUEUE_DEADLINE_SECONDS). */
  queueDeadlineSeconds: number;
  signedUrlTtlSeconds: number;
  mcpWaitSeconds: number;
  mcpInlineThumbnails: boolean;
  mcpAllowedOrigins: string[];
  /** The environment provider adapters read their keys from (lib/providers/registry.ts). */
  env: Readonly<Record<string, string | undefined>>;
  rateLimit: RateLimitSettings;
  /** Who may create an account: anyone, holders of an invite code, or only the operator's CLI. */
  signup: SignupMode;
  /** FREE_CREDITS: replaces the Free plan's grant to a new account (0 = no grant). */
  freeCredits: number | undefined;
  /** SMTP_URL: when set, new accounts verify their email and get their credits at verification. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the sender of Pixola's mail. */
  mailFrom: string;
  /** Lifetimes of the OAuth tokens /mcp accepts beside keys (OAUTH_ACCESS/REFRESH_TOKEN_TTL_SECONDS). */
  oauth: { accessTokenTtlSeconds: number; refreshTokenTtlSeconds: number };
}

export const SIGNUP_MODES = ["open", "invite", "closed"] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

/** Per-key request limits (README "Rate limits"). */
export interface RateLimitSettings {
  /** RATE_LIMIT=off turns the per-key limiter off (credits and caps still apply). */
  enabled: boolean;
  /** Operator overrides; when set they win over every plan's own limits. */
  perMinute: number | undefined;
  perDay: number | undefined;
  /** How long a check may take before the request is served anyway (fail open). */
  timeoutMs: number;
  /** Any Redis (self-hosted); the limiter runs in memory, one process only, without it. */
  redisUrl: string | undefined;
  /** Upstash's REST API; preferred over REDIS_URL when both are set. */
  upstash: { url: string; token: string } | undefined;
}

interface Secrets {
  authSecret: string;
  urlSigningSecret: string;
  /** Lets `npm run keys` reach a running server whose embedded database it cannot open itself. */
  adminToken: string;
}

/** Secrets not given in the environment are generated on first start and kept in DATA_DIR. */
function loadSecrets(dataDir: string, env: NodeJS.ProcessEnv): Secrets {
  const file = path.join(dataDir, "secrets.json");
  const stored: Partial<Secrets> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  const kept: Secrets = {
    authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
    urlSigningSecret: stored.urlSigningSecret ?? randomBytes(32).toString("base64url"),
    adminToken: stored.adminToken ?? randomBytes(32).toString("base64url"),
  };
  if (!stored.authSecret || !stored.urlSigningSecret || !stored.adminToken) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(kept, null, 2), { mode: 0o600 });
  }
  return {
    authSecret: env.BETTER_AUTH_SECRET ?? kept.authSecret,
    urlSigningSecret: env.URL_SIGNING_SECRET ?? kept.urlSigningSecret,
    adminToken: env.ADMIN_TOKEN ?? kept.adminToken,
  };
}

const int = (v: string | undefined, fallback: number) => {
  const n = v === undefined || v === "" ? NaN : Number(v);
  return Number.isFinite(n) ? n : fallback;
};

function positiveInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer (got '${v}').`);
  return n;
}

function readRateLimit(env: NodeJS.ProcessEnv): RateLimitSettings {
  const url = env.UPSTASH_REDIS_REST_URL || undefined;
  const token = env.UPSTASH_REDIS_REST_TOKEN || undefined;
  if (Boolean(url) !== Boolean(token)) {
    throw new Error("Set UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN together (or neither).");
  }
  return {
    enabled: env.RATE_LIMIT !== "off",
    perMinute: positiveInt("RATE_LIMIT_PER_MINUTE", env.RATE_LIMIT_PER_MINUTE),
    perDay: positiveInt("RATE_LIMIT_PER_DAY", env.RATE_LIMIT_PER_DAY),
    timeoutMs: positiveInt("RATE_LIMIT_TIMEOUT_MS", env.RATE_LIMIT_TIMEOUT_MS) ?? 1000,
    redisUrl: env.REDIS_URL || undefined,
    upstash: url && token ? { url, token } : undefined,
  };
}

function nonNegativeInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n)) throw new Error(`${name} must be a whole number of 0 or more (got '${v}').`);
  return n;
}

function readSignupMode(v: string | undefined): SignupMode {
  const mode = (v || "open").trim().toLowerCase();
  if (!(SIGNUP_MODES as readonly string[]).includes(mode)) {
    throw new Error(`SIGNUP must be one of ${SIGNUP_MODES.join(", ")} (got '${v}').`);
  }
  return mode as SignupMode;
}

function readSmtpUrl(v: string | undefined): string | undefined {
  if (!v) return undefined;
  let protocol: string;
  try {
    protocol = new URL(v).protocol;
  } catch {
    throw new Error("SMTP_URL must be a URL like smtp://user:password@mail.example.com:587 or smtps://…:465.");
  }
  if (protocol !== "smtp:" && protocol !== "smtps:") {
    throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got '${protocol}').`);
  }
  return v;
}

/** APP_URL without a trailing slash; unset, the loopback address `npm start` serves on PORT. */
export function readAppUrl(env: NodeJS.ProcessEnv): string {
  return (env.APP_URL || `http://localhost:${env.PORT || "3000"}`).replace(/\/+$/, "");
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || ".data");
  const secrets = loadSecrets(dataDir, env);
  const appUrl = readAppUrl(env);
  return {
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    defaultModel: env.DEFAULT_MODEL || undefined,
    appUrl,
    ...secrets,
    inProcessWorker: env.PIXOLA_WORKER !== "off",
    providerConcurrency: positiveInt("PROVIDER_CONCURRENCY", env.PROVIDER_CONCURRENCY) ?? 32,
    leaseSeconds: positiveInt("WORKER_LEASE_SECONDS", env.WORKER_LEASE_SECONDS) ?? 10,
    maxAttempts: positiveInt("WORKER_MAX_ATTEMPTS", env.WORKER_MAX_ATTEMPTS) ?? 3,
    providerTimeoutSeconds: positiveInt("PROVIDER_TIMEOUT_SECONDS", env.PROVIDER_TIMEOUT_SECONDS) ?? 600,
    queueDeadlineSeconds: positiveInt("QUEUE_DEADLINE_SECONDS", env.QUEUE_DEADLINE_SECONDS) ?? 900,
    signedUrlTtlSeconds: int(env.SIGNED_URL_TTL_SECONDS, 7 * 24 * 3600),
    mcpWaitSeconds: int(env.MCP_WAIT_SECONDS, 50),
    mcpInlineThumbnails: env.MCP_INLINE_THUMBNAILS !== "off",
    mcpAllowedOrigins: (env.MCP_ALLOWED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    env,
    rateLimit: readRateLimit(env),
    signup: readSignupMode(env.SIGNUP),
    freeCredits: nonNegativeInt("FREE_CREDITS", env.FREE_CREDITS),
    smtpUrl: readSmtpUrl(env.SMTP_URL),
    mailFrom: env.MAIL_FROM || `Pixola <no-reply@${new URL(appUrl).hostname}>`,
    oauth: {
      accessTokenTtlSeconds: positiveInt("OAUTH_ACCESS_TOKEN_TTL_SECONDS", env.OAUTH_ACCESS_TOKEN_TTL_SECONDS) ?? 3600,
      refreshTokenTtlSeconds: positiveInt("OAUTH_REFRESH_TOKEN_TTL_SECONDS", env.OAUTH_REFRESH_TOKEN_TTL_SECONDS) ?? 30 * 24 * 3600,
    },
  };
}

const globalForConfig = globalThis as unknown as { __pixolaConfig?: Config };

export function getConfig(): Config {
  return (globalForConfig.__pixolaConfig ??= readConfig());
}
