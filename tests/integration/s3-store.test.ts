import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
import type { ImageStore } from "@/lib/storage/image-store";
import { createS3Store, type S3StoreOptions } from "@/lib/storage/s3-store";
import { startS3Server } from "@/tests/helpers/s3-server";
import { resignPresignedUrl } from "@/tests/helpers/sigv4-resign";

const BUCKET = "pixola-test";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

let server: Awaited<ReturnType<typeof startS3Server>>;
let opts: S3StoreOptions;
let store: ImageStore;

beforeAll(async () => {
  server = await startS3Server(BUCKET);
  opts = {
    bucket: BUCKET,
    endpoint: server.endpoint,
    region: "us-east-1",
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
    ttlSeconds: 3600,
  };
  store = createS3Store(opts);
});

afterAll(async () => {
  await server?.stop();
});

const param = (url: string, name: string) => new URL(url).searchParams.get(name);

describe("S3 image store against s3rver", () => {
  it("serves a put object through its presigned URL with its bytes and content type", async () => {
    const put = await store.put("u1/job1/0.png", PNG, { contentType: "image/png" });
    expect(put).toMatchObject({ key: "u1/job1/0.png", size: PNG.byteLength });
    expect(put.etag).toMatch(/^"[0-9a-f]{32}"$/);

    const before = Date.now();
    const { url, expiresAt } = await store.url("u1/job1/0.png");
    expect(expiresAt.getTime() - before).toBeGreaterThan(3590_000);
    expect(expiresAt.getTime() - before).toBeLessThanOrEqual(3600_000);

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);

    expect(await store.get("u1/job1/0.png")).toEqual({ bytes: PNG, contentType: "image/png", size: PNG.byteLength, etag: put.etag });
  });

  it("returns null for a missing object but throws for a missing bucket", async () => {
    expect(await store.get("u1/job1/absent.png")).toBeNull();
    // A wrong bucket is misconfiguration, not a missing image: it must not read as "gone".
    const wrongBucket = createS3Store({ ...opts, bucket: "no-such-bucket" });
    await expect(wrongBucket.get("u1/job1/0.png")).rejects.toMatchObject({ name: "NoSuchBucket" });
  });

  it("deletes an object so that its URL stops working, and deleting twice is fine", async () => {
    await store.put("u1/job2/0.webp", PNG, { contentType: "image/webp" });
    const { url } = await store.url("u1/job2/0.webp");
    await store.delete("u1/job2/0.webp");
    await store.delete("u1/job2/0.webp");
    expect((await fetch(url)).status).toBe(404);
    expect(await store.get("u1/job2/0.webp")).toBeNull();
  });

  it("makes SVG URLs download as attachments so their scripts cannot run on the bucket origin", async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await store.put("u1/job3/0.svg", svg, { contentType: "image/svg+xml" });
    const { url } = await store.url("u1/job3/0.svg");
    expect(param(url, "response-content-disposition")).toBe("attachment");
    const res = await fetch(url);
    expect(res.headers.get("content-disposition")).toBe("attachment");
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
  });

  it("refuses keys outside the safe shape before calling S3", async () => {
    await expect(store.url("../other/x.png")).rejects.toThrow(/invalid storage key/);
  });
});

// s3rver accepts any SigV4 signature, so the signatures are checked here by signing again.
describe("presigned URL signatures", () => {
  it("re-signing reproduces AWS's published presigned-URL example (checks the checker)", async () => {
    const aws =
      "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
      "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
      "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host" +
      "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
    expect(await resignPresignedUrl(aws, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).toBe(param(aws, "X-Amz-Signature"));
  });

  it("signs what the URL says, with our key, over the host header only", async () => {
    const { url } = await store.url("u1/job3/0.svg");
    expect(param(url, "X-Amz-Credential")).toMatch(/^S3RVER\/\d{8}\/us-east-1\/s3\/aws4_request$/);
    expect(param(url, "X-Amz-SignedHeaders")).toBe("host");
    expect(await resignPresignedUrl(url, opts.secretAccessKey!)).toBe(param(url, "X-Amz-Signature"));
    expect(await resignPresignedUrl(url, "another-secret")).not.toBe(param(url, "X-Amz-Signature"));
  });

  it("a tampered URL no longer matches its signature", async () => {
    const { url } = await store.url("u1/job3/0.svg");
    const tampered = [
      url.replace("/u1/job3/0.svg", "/u2/job3/0.svg"), // another tenant's key
      url.replace("response-content-disposition=attachment", "response-content-disposition=inline"),
      url.replace(/X-Amz-Expires=\d+/, "X-Amz-Expires=604800"),
    ];
    for (const t of tampered) {
      expect(t).not.toBe(url);
      expect(await resignPresignedUrl(t, opts.secretAccessKey!)).not.toBe(param(t, "X-Amz-Signature"));
    }
  });

  it("caps a 30-day TTL at 7 days, says so once, and reports the capped expiry", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const long = createS3Store({ ...opts, ttlSeconds: 30 * 24 * 3600 });
    const first = await long.url("u1/job1/0.png");
    await long.url("u1/job1/0.png");
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();

    expect(Number(param(first.url, "X-Amz-Expires"))).toBeLessThanOrEqual(604800);
    const d = param(first.url, "X-Amz-Date")!;
    const signedAt = Date.parse(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`);
    expect(first.expiresAt.getTime()).toBe(signedAt + 604800 * 1000);
    expect(await resignPresignedUrl(first.url, opts.secretAccessKey!)).toBe(param(first.url, "X-Amz-Signature"));
    expect((await fetch(first.url)).status).toBe(200);
  });
});
