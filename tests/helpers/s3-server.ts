import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/**
 * An in-process S3 fake on loopback. It checks the access key id exists (S3RVER) but never
 * verifies SigV4 signatures, so tests that care about signatures check them separately.
 */
export async function startS3Server(bucket: string) {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "pixola-s3rver-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    async stop() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
