import { describe, expect, it } from "vitest";
import { clientAddress, isTrusted, parseTrustedProxies } from "./client-address";

describe("clientAddress (TRUSTED_PROXIES)", () => {
  it("with no trusted proxy, the TCP peer is the client whatever X-Forwarded-For says", () => {
    const none = parseTrustedProxies(undefined);
    expect(clientAddress("203.0.113.7", "1.2.3.4", none)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:127.0.0.1", "10.9.8.7, 1.1.1.1", none)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", undefined, none)).toBe("127.0.0.1");
  });

  it("a trusted proxy's header is read from the right, skipping further trusted hops", () => {
    const list = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, fd00::/8");
    expect(clientAddress("127.0.0.1", "198.51.100.4", list)).toBe("198.51.100.4");
    // A client-supplied first entry is not believed: the hop the proxy appended is.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.4, 10.1.2.3", list)).toBe("198.51.100.4");
    expect(clientAddress("::ffff:10.0.0.5", ["1.1.1.1", "fd00::1"], list)).toBe("1.1.1.1");
    // Garbage stops the walk: the last good hop is used.
    expect(clientAddress("127.0.0.1", "not-an-ip, 198.51.100.4", list)).toBe("198.51.100.4");
    expect(clientAddress("127.0.0.1", "evil", list)).toBe("127.0.0.1");
    // Every hop trusted (a request from inside): the leftmost address.
    expect(clientAddress("127.0.0.1", "10.0.0.9", list)).toBe("10.0.0.9");
    // An untrusted peer, even one that names a trusted proxy in the header.
    expect(clientAddress("203.0.113.9", "127.0.0.1", list)).toBe("203.0.113.9");
  });

  it("isTrusted matches addresses and ranges of both families", () => {
    const list = parseTrustedProxies("192.168.1.1,10.0.0.0/8,::1");
    expect(isTrusted(list, "192.168.1.1")).toBe(true);
    expect(isTrusted(list, "192.168.1.2")).toBe(false);
    expect(isTrusted(list, "10.255.0.1")).toBe(true);
    expect(isTrusted(list, "::1")).toBe(true);
    expect(isTrusted(list, "::ffff:10.0.0.1")).toBe(true);
    expect(isTrusted(list, "")).toBe(false);
  });

  it("refuses an entry that is not an address or range, naming it", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.0/", "::1/129", "1.2.3.4/8/1", "10.0.0.0/x"]) {
      expect(() => parseTrustedProxies(bad)).toThrow(`TRUSTED_PROXIES: '${bad}' is not an IP address or CIDR range`);
    }
  });
});
