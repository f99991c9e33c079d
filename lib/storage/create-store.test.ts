import { describe, expect, it } from "vitest";
import { createImageStore, readStoreConfig } from "./create-store";

describe("readStoreConfig", () => {
  it("uses local disk when no S3 variable is set", () => {
    expect(readStoreConfig({})).toEqual({ driver: "local" });
    expect(readStoreConfig({ S3_BUCKET: "  " })).toEqual({ driver: "local" });
  });

  it("reads a MinIO-style configuration", () => {
    expect(
      readStoreConfig({
        S3_BUCKET: "images",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_ACCESS_KEY_ID: "minio",
        S3_SECRET_ACCESS_KEY: "minio-secret",
        S3_FORCE_PATH_STYLE: "1",
      }),
    ).toEqual({
      driver: "s3",
      bucket: "images",
      endpoint: "http://127.0.0.1:9000",
      region: "us-east-1",
      accessKeyId: "minio",
      secretAccessKey: "minio-secret",
      forcePathStyle: true,
    });
  });

  it("defaults the region to auto for R2 and lets S3_REGION win", () => {
    const r2 = { S3_BUCKET: "b", S3_ENDPOINT: "https://acct.r2.cloudflarestorage.com" };
    expect(readStoreConfig(r2)).toMatchObject({ region: "auto", forcePathStyle: false });
    expect(readStoreConfig({ ...r2, S3_REGION: "eu-west-1" })).toMatchObject({ region: "eu-west-1" });
  });

  it("leaves credentials to the SDK's default chain when neither is set", () => {
    const cfg = readStoreConfig({ S3_BUCKET: "b" });
    expect(cfg).toMatchObject({ driver: "s3", region: "us-east-1", accessKeyId: undefined, secretAccessKey: undefined });
  });

  it("rejects an access key id without its secret, and the reverse", () => {
    expect(() => readStoreConfig({ S3_BUCKET: "b", S3_ACCESS_KEY_ID: "id" })).toThrow(
      /S3_ACCESS_KEY_ID is set but S3_SECRET_ACCESS_KEY is not/,
    );
    expect(() => readStoreConfig({ S3_BUCKET: "b", S3_SECRET_ACCESS_KEY: "s" })).toThrow(
      /S3_SECRET_ACCESS_KEY is set but S3_ACCESS_KEY_ID is not/,
    );
  });

  it("names the accepted values of S3_FORCE_PATH_STYLE", () => {
    expect(() => readStoreConfig({ S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "yes" })).toThrow(
      /S3_FORCE_PATH_STYLE must be "true", "1", "false" or "0" \(got 'yes'\)/,
    );
    expect(readStoreConfig({ S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "TRUE" })).toMatchObject({ forcePathStyle: true });
    expect(readStoreConfig({ S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "0" })).toMatchObject({ forcePathStyle: false });
  });

  it("rejects an endpoint that is not an http(s) URL", () => {
    for (const bad of ["127.0.0.1:9000", "ftp://host", "http://"]) {
      expect(() => readStoreConfig({ S3_BUCKET: "b", S3_ENDPOINT: bad })).toThrow(/S3_ENDPOINT must be an http/);
    }
  });

  it("refuses S3 settings without a bucket rather than silently using local disk", () => {
    expect(() => readStoreConfig({ S3_ENDPOINT: "http://127.0.0.1:9000" })).toThrow(
      /S3_ENDPOINT is set but S3_BUCKET is not/,
    );
  });
});

describe("createImageStore", () => {
  const local = { root: "/tmp/pixola-unused", appUrl: "http://localhost:3000", secret: "s", ttlSeconds: 600 };

  it("signs local URLs for the app's /files route", async () => {
    const { url } = await createImageStore({ driver: "local" }, local).url("u1/j/0.png");
    expect(url).toMatch(/^http:\/\/localhost:3000\/files\/u1\/j\/0\.png\?exp=\d+&sig=/);
  });

  it("presigns S3 URLs with the shared TTL and the configured region (no network needed)", async () => {
    const cfg = readStoreConfig({
      S3_BUCKET: "images",
      S3_ENDPOINT: "https://acct.r2.cloudflarestorage.com",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
    });
    const { url } = await createImageStore(cfg, local).url("u1/j/0.png");
    const u = new URL(url);
    expect(u.host).toBe("images.acct.r2.cloudflarestorage.com"); // virtual-hosted: S3_FORCE_PATH_STYLE unset
    expect(u.searchParams.get("X-Amz-Expires")).toBe("600");
    expect(u.searchParams.get("X-Amz-Credential")).toMatch(/^id\/\d{8}\/auto\/s3\/aws4_request$/);
  });
});
