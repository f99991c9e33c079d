import { BlockList, isIP } from "node:net";

/**
 * Which peers may tell us a client's address (TRUSTED_PROXIES): a comma-separated list of
 * addresses and CIDR ranges, IPv4 or IPv6, e.g. `127.0.0.1,10.0.0.0/8,fd00::/8`. Empty by
 * default: then the address is always the TCP peer's and any X-Forwarded-For is ignored.
 */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, bits, extra] = entry.split("/");
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits && /^\d+$/.test(bits)))) {
      throw new Error(`TRUSTED_PROXIES: '${entry}' is not an IP address or CIDR range (e.g. 127.0.0.1, 10.0.0.0/8, ::1, fd00::/8).`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

/** `::ffff:1.2.3.4` (an IPv4 peer on a dual-stack socket) → `1.2.3.4`. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** Whether `address` (a TCP peer or a forwarded hop) is one of the operator's proxies. */
export function isTrusted(list: BlockList, address: string): boolean {
  address = normalizeAddress(address);
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address. An untrusted peer is the client, whatever it claims. A trusted
 * proxy's X-Forwarded-For is read from the right (the entry its own peer appended last),
 * skipping further trusted proxies; the first address that is not one is the client. A
 * malformed entry stops the walk there: nothing left of it can be believed.
 */
export function clientAddress(peer: string, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  let client = normalizeAddress(peer);
  if (!isTrusted(trusted, client)) return client;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((s) => s.trim());
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(chain[i]);
    if (!isIP(hop)) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}
