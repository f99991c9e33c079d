import { describe, expect, it } from "vitest";
import { safeNextPath, signInPathFor } from "./safe-next-path";

describe("safeNextPath", () => {
  it.each([
    ["/images", "/images"],
    ["/images?cursor=abc", "/images?cursor=abc"],
    ["/settings/api-keys#top", "/settings/api-keys#top"],
    ["/images/img_123", "/images/img_123"],
    ["/a/../credits", "/credits"],
  ])("keeps the same-origin path %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example",
    "http://evil.example/images",
    "//evil.example",
    "//evil.example/images",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,hi",
    "images",
    "",
    " /images",
    "/sign-in",
    "/sign-up?next=/images",
    `/${"a".repeat(3000)}`,
  ])("sends %j to /dashboard", (input) => {
    expect(safeNextPath(input)).toBe("/dashboard");
  });

  it.each([undefined, null, 42, ["/images"], { next: "/images" }])("sends the non-string %j to /dashboard", (input) => {
    expect(safeNextPath(input)).toBe("/dashboard");
  });
});

describe("signInPathFor", () => {
  it("carries the page asked for, encoded", () => {
    expect(signInPathFor("/images?cursor=a&b=1")).toBe("/sign-in?next=%2Fimages%3Fcursor%3Da%26b%3D1");
  });
  it("leaves next off for the default page and for unknown or unsafe paths", () => {
    expect(signInPathFor("/dashboard")).toBe("/sign-in");
    expect(signInPathFor(null)).toBe("/sign-in");
    expect(signInPathFor("//evil.example")).toBe("/sign-in");
  });
});
