import { describe, expect, it } from "vitest";
import { configureProviders, PROVIDERS } from "./registry";

describe("provider registry", () => {
  it("configures the embedded renderer always, and a provider only when its key is set", () => {
    expect([...configureProviders({}).keys()]).toEqual(["embedded"]);
    expect([...configureProviders({ FAL_KEY: "k", LUMA_API_KEY: "l" }).keys()]).toEqual(["embedded", "fal", "luma"]);
  });

  it("names every provider once, each with the variables it reads", () => {
    const names = PROVIDERS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of PROVIDERS.filter((x) => x.name !== "embedded")) expect(p.env.key ?? p.env.baseUrl, p.name).toBeTruthy();
  });

  it("PROVIDER_CONCURRENCY_<NAME> caps one provider's jobs in flight, and a bad value says what is accepted", () => {
    expect(configureProviders({ FAL_KEY: "k", PROVIDER_CONCURRENCY_FAL: "4" }).get("fal")?.maxInFlight).toBe(4);
    expect(configureProviders({ FAL_KEY: "k" }).get("fal")?.maxInFlight).toBeUndefined();
    expect(() => configureProviders({ FAL_KEY: "k", PROVIDER_CONCURRENCY_FAL: "0" })).toThrow(
      "PROVIDER_CONCURRENCY_FAL must be a positive integer (got '0').",
    );
  });
});
