import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createImageStore, readStoreConfig } from "@/lib/storage/create-store";
import { imageOriginsOf } from "./image-origins";

const local = { root: fs.mkdtempSync(path.join(os.tmpdir(), "px-origins-")), appUrl: "https://pixola.example.com/", secret: "s".repeat(32), ttlSeconds: 3600 };
const origins = (env: Record<string, string>) => imageOriginsOf(createImageStore(readStoreConfig(env), local));

describe("the image origins the views' CSP allows", () => {
  it("is the app's origin for the local store", async () => {
    expect(await origins({})).toEqual(["https://pixola.example.com"]);
  });

  it("is the S3 endpoint for a path-style bucket (MinIO), the bucket's host for AWS and R2", async () => {
    const keys = { S3_ACCESS_KEY_ID: "AKIAEXAMPLE", S3_SECRET_ACCESS_KEY: "secret" };
    expect(await origins({ ...keys, S3_BUCKET: "pics", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" })).toEqual(["http://127.0.0.1:9000"]);
    expect(await origins({ ...keys, S3_BUCKET: "pics", S3_REGION: "eu-west-1" })).toEqual(["https://pics.s3.eu-west-1.amazonaws.com"]);
    expect(await origins({ ...keys, S3_BUCKET: "pics", S3_ENDPOINT: "https://acct.r2.cloudflarestorage.com" })).toEqual(["https://pics.acct.r2.cloudflarestorage.com"]);
  });
});
