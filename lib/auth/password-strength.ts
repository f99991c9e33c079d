import type { TranslationKeys, ZxcvbnFactory } from "@zxcvbn-ts/core";
import { PASSWORD_MAX, PASSWORD_MIN } from "./schemas";

/**
 * Refuses passwords an attacker would guess early: common passwords (the ~49k of
 * @zxcvbn-ts/language-common), keyboard rows, repeats, sequences, dates, and the person's
 * own email or name. zxcvbn scores 0–4; 3 means "safely unguessable" against online attacks
 * and throttled offline ones, which is what a slow password hash buys us. Runs offline.
 */
export const MIN_PASSWORD_SCORE = 3;

/** What the server accepts, told after the reason so a person knows what to type instead. */
export const PASSWORD_ACCEPTED = `Use ${PASSWORD_MIN}–${PASSWORD_MAX} characters that are hard to guess, such as three or four unrelated words.`;

// zxcvbn reports feedback as keys; these are our sentences for them. Warnings complete
// "That password is too easy to guess: …". Suggestions and time estimates are not shown.
const translations: TranslationKeys = {
  warnings: {
    straightRow: "it is a straight row of keys on the keyboard",
    keyPattern: "it is a short keyboard pattern",
    simpleRepeat: 'it repeats one character, like "aaaa"',
    extendedRepeat: 'it repeats a short pattern, like "abcabcabc"',
    sequences: 'it is a common sequence, like "abcd" or "1234"',
    recentYears: "it relies on a recent year",
    dates: "it relies on a date",
    topTen: "it is one of the ten most common passwords",
    topHundred: "it is one of the hundred most common passwords",
    common: "it is a commonly used password",
    similarToCommon: "it is a commonly used password with small changes",
    wordByItself: "it is a single word",
    namesByThemselves: "it is a single name",
    commonNames: "it is built from common names",
    userInputs: "it contains your email address or name",
    pwned: "it appeared in a data breach",
  },
  suggestions: {
    l33t: "l33t",
    reverseWords: "reverseWords",
    allUppercase: "allUppercase",
    capitalization: "capitalization",
    dates: "dates",
    recentYears: "recentYears",
    associatedYears: "associatedYears",
    sequences: "sequences",
    repeated: "repeated",
    longerKeyboardPattern: "longerKeyboardPattern",
    anotherWord: "anotherWord",
    useWords: "useWords",
    noNeed: "noNeed",
    pwned: "pwned",
  },
  timeEstimation: {
    ltSecond: "less than a second",
    second: "{base} second",
    seconds: "{base} seconds",
    minute: "{base} minute",
    minutes: "{base} minutes",
    hour: "{base} hour",
    hours: "{base} hours",
    day: "{base} day",
    days: "{base} days",
    month: "{base} month",
    months: "{base} months",
    year: "{base} year",
    years: "{base} years",
    centuries: "centuries",
  },
};

// The dictionaries are loaded on the first check, once per process: pages that never see a
// password never pay for them. A failed load is retried on the next check.
let estimator: Promise<ZxcvbnFactory> | undefined;
function getEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([{ ZxcvbnFactory }, common]) => new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs, translations }),
    (err: unknown) => {
      estimator = undefined;
      throw err;
    },
  );
  return estimator;
}

/** Words of the person's own details that must not carry the password (email, its local part, name). */
function personalWords(inputs: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const raw of inputs) {
    const v = raw?.trim().toLowerCase();
    if (!v) continue;
    out.add(v);
    const local = v.split("@")[0];
    const joined = [local, v].map((s) => s.replace(/[^\p{L}\p{N}]+/gu, "")); // "ada.lovelace" → "adalovelace"
    for (const part of [local, ...joined, ...local.split(/[^\p{L}\p{N}]+/u), ...v.split(/\s+/)]) if (part.length >= 3) out.add(part);
  }
  return [...out];
}

export type PasswordVerdict = { ok: true } | { ok: false; message: string };

/**
 * Whether `password` is hard enough to guess, and if not a message saying why and what is
 * accepted. Length limits are not judged here (better-auth reports those itself).
 */
export async function checkPasswordStrength(password: string, personal: readonly (string | undefined)[] = []): Promise<PasswordVerdict> {
  const result = (await getEstimator()).check(password, personalWords(personal));
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  const why = result.feedback.warning ?? "it would be found early by anyone guessing";
  return { ok: false, message: `That password is too easy to guess: ${why}. ${PASSWORD_ACCEPTED}` };
}
