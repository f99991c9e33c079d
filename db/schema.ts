import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// Millisecond precision, like JavaScript dates, so keyset cursors round-trip exactly.
const createdAt = () => timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow();

// ── better-auth's tables (names and columns as its Drizzle adapter expects) ──

export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [index("session_user_id_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("account_user_id_idx").on(t.userId)],
);

export const verification = pgTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

// ── plans, wallets and the append-only credit ledger ──

export const plans = pgTable("plans", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  monthlyCredits: integer("monthly_credits").notNull(),
  requestsPerMinute: integer("requests_per_minute").notNull(),
  requestsPerDay: integer("requests_per_day").notNull(),
  maxActiveKeys: integer("max_active_keys").notNull(),
  /** API keys a user may create per rolling hour (revoked ones count too). */
  keyCreatesPerHour: integer("key_creates_per_hour").notNull().default(30),
});

export const wallets = pgTable(
  "wallets",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    balance: integer("balance").notNull(),
    plan: text("plan")
      .notNull()
      .references(() => plans.slug),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("wallets_balance_non_negative", sql`${t.balance} >= 0`)],
);

export const creditLedger = pgTable(
  "credit_ledger",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["grant", "reserve", "refund"] }).notNull(),
    // Signed: grants and refunds are positive, reserves negative, so SUM(amount) = balance.
    amount: integer("amount").notNull(),
    balanceAfter: integer("balance_after").notNull(),
    batchId: text("batch_id"),
    imageId: text("image_id"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    // The history's keyset order (created_at DESC, id DESC): a page is one index range, no sort.
    index("credit_ledger_user_idx").on(t.userId, t.createdAt, t.id),
    check(
      "credit_ledger_sign",
      sql`(${t.kind} = 'reserve' AND ${t.amount} < 0) OR (${t.kind} <> 'reserve' AND ${t.amount} > 0)`,
    ),
    check("credit_ledger_balance_after", sql`${t.balanceAfter} >= 0`),
    // One reserve per batch and one refund per image: a retried settle can never pay twice.
    uniqueIndex("credit_ledger_one_reserve").on(t.batchId).where(sql`${t.kind} = 'reserve'`),
    uniqueIndex("credit_ledger_one_refund").on(t.imageId).where(sql`${t.kind} = 'refund'`),
  ],
);

// ── API keys: only the SHA-256 of the key is stored ──

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    hash: text("hash").notNull(),
    start: text("start").notNull(),
    last4: text("last4").notNull(),
    scopes: text("scopes").array().notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_keys_hash_idx").on(t.hash), index("api_keys_user_idx").on(t.userId)],
);

// ── catalog ──

export const models = pgTable("models", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  bestFor: text("best_for").notNull(),
  tags: text("tags").array().notNull(),
  released: text("released").notNull(),
  provider: text("provider").notNull(),
  providerModelId: text("provider_model_id").notNull(),
  researcher: text("researcher").notNull(),
  researcherUrl: text("researcher_url").notNull(),
  priceStandard: integer("price_standard").notNull(),
  priceHd: integer("price_hd").notNull(),
  capabilities: jsonb("capabilities").notNull().$type<ModelCapabilities>(),
  samplePrompts: text("sample_prompts").array().notNull(),
  // Availability and the default model are not stored: they follow the live workers
  // (lib/catalog/availability.ts), so no process can write a stale answer for another.
  position: integer("position").notNull(),
});

export interface ModelCapabilities {
  seed: boolean;
  referenceImages: boolean;
  maxImagesPerCall: number;
  output: "raster" | "vector";
}

export const styles = pgTable("styles", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  category: text("category").notNull(),
  prompt: text("prompt").notNull(),
  alias: text("alias").array().notNull(),
  description: text("description").notNull(),
  palette: text("palette").array().notNull(),
  position: integer("position").notNull(),
});

export const shapes = pgTable("shapes", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  aspectRatio: text("aspect_ratio").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  description: text("description").notNull(),
  position: integer("position").notNull(),
});

// ── generation ──

export const batches = pgTable(
  "batches",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    apiKeyId: text("api_key_id"),
    /** The OAuth client (connected app) that submitted the batch; null for keys and the playground. */
    oauthClientId: text("oauth_client_id"),
    prompt: text("prompt").notNull(),
    model: text("model").notNull(),
    style: text("style").notNull(),
    shape: text("shape").notNull(),
    quality: text("quality", { enum: ["standard", "hd"] }).notNull(),
    count: integer("count").notNull(),
    seed: integer("seed").notNull(),
    unitPrice: integer("unit_price").notNull(),
    status: text("status", { enum: ["queued", "running", "succeeded", "partial", "failed"] }).notNull(),
    creditsReserved: integer("credits_reserved").notNull(),
    creditsCharged: integer("credits_charged").notNull().default(0),
    creditsRefunded: integer("credits_refunded").notNull().default(0),
    idempotencyKey: text("idempotency_key"),
    error: text("error"),
    createdAt: createdAt(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [index("batches_user_idx").on(t.userId, t.createdAt)],
);

export const images = pgTable(
  "images",
  {
    id: text("id").primaryKey(),
    batchId: text("batch_id")
      .notNull()
      .references(() => batches.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed"] }).notNull(),
    /** The model's provider, copied at submit so workers claim only what they can run. */
    provider: text("provider").notNull().default("embedded"),
    /** The provider's job (ProviderHandle), stored before waiting: a new worker resumes it instead of submitting again. */
    providerJob: jsonb("provider_job").$type<Record<string, string>>(),
    /** Set at the first claim: past it the image fails and is refunded (PROVIDER_TIMEOUT_SECONDS). */
    deadlineAt: timestamp("deadline_at", { withTimezone: true }),
    /** Why the image failed, as an error code (content_flagged, provider_failed, timeout, unavailable). */
    errorCode: text("error_code"),
    /** Said to the user when the stored size differs from the shape's (the provider approximated it). */
    note: text("note"),
    attempts: integer("attempts").notNull().default(0),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    // Set on each claim; only the holder of the current lease may settle the image.
    leaseToken: text("lease_token"),
    storageKey: text("storage_key"),
    /**
     * A WebP of at most 512 px a side beside the image (lib/images/make-preview.ts); null until
     * made or backfilled. Nothing deletes image files today; whatever comes to must delete this too.
     */
    previewKey: text("preview_key"),
    previewWidth: integer("preview_width"),
    previewHeight: integer("preview_height"),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    mimeType: text("mime_type"),
    bytes: integer("bytes"),
    seed: integer("seed").notNull(),
    title: text("title").notNull(),
    error: text("error"),
    createdAt: createdAt(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("images_user_idx").on(t.userId, t.createdAt, t.id),
    // The gallery's keyset order over finished images only. Without it, PGlite (which has no
    // autovacuum, so never any statistics) plans the list as a bitmap of every finished image
    // ANDed with the user's, then sorts them all: ~0.5 s for 100k images.
    index("images_user_succeeded_idx").on(t.userId, t.createdAt, t.id).where(sql`${t.status} = 'succeeded'`),
    index("images_batch_idx").on(t.batchId),
    index("images_queue_idx").on(t.status, t.provider, t.runAfter),
    // The preview backfill's worklist: small, and empty once every stored image has a preview.
    index("images_preview_backlog_idx").on(t.createdAt).where(sql`${t.status} = 'succeeded' and ${t.previewKey} is null`),
  ],
);

// ── workers announce what they can run; a model is available while a live worker runs its provider ──

export const workers = pgTable(
  "workers",
  {
    id: text("id").primaryKey(),
    providers: text("providers").array().notNull(),
    host: text("host").notNull(),
    pid: integer("pid").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workers_seen_idx").on(t.seenAt)],
);

// ── idempotency (used by POST /generate and generate_image) ──

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state", { enum: ["in_flight", "completed", "failed"] }).notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: createdAt(),
  },
  // created_at: the 24 h sweep deletes by age.
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

// ── sign-up and sign-in controls ──

/** Invite codes for SIGNUP=invite (`npm run invites -- create`); only the code's hash is kept. */
export const invites = pgTable("invites", {
  id: text("id").primaryKey(),
  codeHash: text("code_hash").notNull().unique(),
  note: text("note"),
  createdAt: createdAt(),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  usedAt: timestamp("used_at", { withTimezone: true }),
  usedBy: text("used_by").references(() => user.id, { onDelete: "set null" }),
});

/**
 * Failed sign-ins per account (keyed by a hash of the lower-cased email, so addresses that
 * have no account are not stored in clear), for the per-account limit with a growing delay.
 */
export const signInFailures = pgTable("sign_in_failures", {
  emailHash: text("email_hash").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  lastFailedAt: timestamp("last_failed_at", { withTimezone: true }).notNull(),
});

// ── OAuth 2.1 for /mcp (@better-auth/mcp on @better-auth/oauth-provider, with the jwt plugin) ──
// Columns as better-auth's Drizzle adapter expects them. Refresh tokens are stored as hashes
// (the plugin's default `storeTokens: "hashed"`); access tokens are JWTs and not stored.

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** The jwt plugin's signing keys; the private key is encrypted with BETTER_AUTH_SECRET. */
export const jwks = pgTable("jwks", {
  id: text("id").primaryKey(),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  createdAt: ts("created_at").notNull(),
  expiresAt: ts("expires_at"),
  alg: text("alg"),
  crv: text("crv"),
});

export const oauthClient = pgTable(
  "oauth_client",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id").notNull().unique(),
    clientSecret: text("client_secret"),
    clientDiscoveryId: text("client_discovery_id"),
    disabled: boolean("disabled").default(false),
    skipConsent: boolean("skip_consent"),
    enableEndSession: boolean("enable_end_session"),
    subjectType: text("subject_type"),
    scopes: text("scopes").array(),
    clientCredentialsScopes: text("client_credentials_scopes").array(),
    userId: text("user_id").references(() => user.id, { onDelete: "cascade" }),
    createdAt: ts("created_at"),
    updatedAt: ts("updated_at"),
    name: text("name"),
    uri: text("uri"),
    icon: text("icon"),
    contacts: text("contacts").array(),
    tos: text("tos"),
    policy: text("policy"),
    softwareId: text("software_id"),
    softwareVersion: text("software_version"),
    softwareStatement: text("software_statement"),
    redirectUris: text("redirect_uris").array().notNull(),
    postLogoutRedirectUris: text("post_logout_redirect_uris").array(),
    backchannelLogoutUri: text("backchannel_logout_uri"),
    backchannelLogoutSessionRequired: boolean("backchannel_logout_session_required"),
    tokenEndpointAuthMethod: text("token_endpoint_auth_method"),
    applicationType: text("application_type"),
    jwks: text("jwks"),
    jwksUri: text("jwks_uri"),
    grantTypes: text("grant_types").array(),
    responseTypes: text("response_types").array(),
    requirePKCE: boolean("require_pkce"),
    dpopBoundAccessTokens: boolean("dpop_bound_access_tokens"),
    referenceId: text("reference_id"),
    metadata: jsonb("metadata"),
  },
  // created_at: unused registrations are pruned by age (lib/oauth/prune-oauth-clients.ts).
  (t) => [index("oauth_client_user_id_idx").on(t.userId), index("oauth_client_created_idx").on(t.createdAt)],
);

export const oauthResource = pgTable("oauth_resource", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull().unique(),
  name: text("name").notNull(),
  accessTokenTtl: integer("access_token_ttl"),
  refreshTokenTtl: integer("refresh_token_ttl"),
  signingAlgorithm: text("signing_algorithm"),
  signingKeyId: text("signing_key_id"),
  allowedScopes: text("allowed_scopes").array(),
  customClaims: jsonb("custom_claims"),
  dpopBoundAccessTokensRequired: boolean("dpop_bound_access_tokens_required"),
  disabled: boolean("disabled"),
  createdAt: ts("created_at"),
  updatedAt: ts("updated_at"),
  policyVersion: integer("policy_version"),
  metadata: jsonb("metadata"),
});

export const oauthClientResource = pgTable(
  "oauth_client_resource",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id")
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: "cascade" }),
    resourceId: text("resource_id")
      .notNull()
      .references(() => oauthResource.identifier, { onDelete: "cascade" }),
    metadata: jsonb("metadata"),
    createdAt: ts("created_at"),
  },
  (t) => [index("oauth_client_resource_client_idx").on(t.clientId), index("oauth_client_resource_resource_idx").on(t.resourceId)],
);

export const oauthRefreshToken = pgTable(
  "oauth_refresh_token",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    clientId: text("client_id")
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: "cascade" }),
    sessionId: text("session_id").references(() => session.id, { onDelete: "set null" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    referenceId: text("reference_id"),
    authorizationCodeId: text("authorization_code_id"),
    resources: text("resources").array(),
    requestedUserInfoClaims: text("requested_user_info_claims").array(),
    expiresAt: ts("expires_at"),
    createdAt: ts("created_at"),
    revoked: ts("revoked"),
    rotatedAt: ts("rotated_at"),
    rotationReplayResponse: text("rotation_replay_response"),
    rotationReplayExpiresAt: ts("rotation_replay_expires_at"),
    authTime: ts("auth_time"),
    confirmation: jsonb("confirmation"),
    scopes: text("scopes").array().notNull(),
  },
  (t) => [
    index("oauth_refresh_token_client_idx").on(t.clientId),
    index("oauth_refresh_token_session_idx").on(t.sessionId),
    index("oauth_refresh_token_user_idx").on(t.userId),
    index("oauth_refresh_token_code_idx").on(t.authorizationCodeId),
  ],
);

export const oauthAccessToken = pgTable(
  "oauth_access_token",
  {
    id: text("id").primaryKey(),
    token: text("token").unique(),
    clientId: text("client_id")
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: "cascade" }),
    sessionId: text("session_id").references(() => session.id, { onDelete: "set null" }),
    userId: text("user_id").references(() => user.id, { onDelete: "cascade" }),
    referenceId: text("reference_id"),
    authorizationCodeId: text("authorization_code_id"),
    resources: text("resources").array(),
    requestedUserInfoClaims: text("requested_user_info_claims").array(),
    refreshId: text("refresh_id").references(() => oauthRefreshToken.id, { onDelete: "cascade" }),
    expiresAt: ts("expires_at"),
    createdAt: ts("created_at"),
    revoked: ts("revoked"),
    confirmation: jsonb("confirmation"),
    scopes: text("scopes").array().notNull(),
  },
  (t) => [
    index("oauth_access_token_client_idx").on(t.clientId),
    index("oauth_access_token_session_idx").on(t.sessionId),
    index("oauth_access_token_user_idx").on(t.userId),
    index("oauth_access_token_code_idx").on(t.authorizationCodeId),
    index("oauth_access_token_refresh_idx").on(t.refreshId),
  ],
);

/**
 * A user's grant to a client: what Settings → Connected apps lists and revokes. /mcp accepts a
 * token only while its grant exists and was made before the token (lib/oauth/verify-oauth-token.ts).
 * last_used_at is ours: set by /mcp, shown on Connected apps, read by the client prune.
 */
export const oauthConsent = pgTable(
  "oauth_consent",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id")
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: "cascade" }),
    userId: text("user_id").references(() => user.id, { onDelete: "cascade" }),
    referenceId: text("reference_id"),
    resources: text("resources").array(),
    requestedUserInfoClaims: text("requested_user_info_claims").array(),
    scopes: text("scopes").array().notNull(),
    createdAt: ts("created_at"),
    updatedAt: ts("updated_at"),
    lastUsedAt: ts("last_used_at"),
  },
  (t) => [index("oauth_consent_client_idx").on(t.clientId), index("oauth_consent_user_idx").on(t.userId)],
);

export const oauthClientAssertion = pgTable("oauth_client_assertion", {
  id: text("id").primaryKey(),
  expiresAt: ts("expires_at").notNull(),
});
