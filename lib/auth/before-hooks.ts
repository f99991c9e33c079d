import { createAuthMiddleware } from "better-auth/api";

export type AuthHookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** A check run before better-auth's endpoints; it refuses a request by throwing an APIError. */
export type BeforeHook = (ctx: AuthHookContext) => Promise<void>;

/**
 * better-auth takes one `hooks.before`; Pixola's checks (password strength, sign-up policy,
 * …) are listed in lib/auth/auth.ts and run here in order, the first refusal winning.
 */
export const beforeHooks = (hooks: readonly BeforeHook[]) =>
  createAuthMiddleware(async (ctx) => {
    for (const hook of hooks) await hook(ctx);
  });
