import { describe, expect, it } from "vitest";
import type { Endpoints } from "kubernetes-types/core/v1";
import type { EndpointSlice } from "kubernetes-types/discovery/v1";
import { formatDiscoveryEndpoints, formatDiscoveryPorts } from "./endpoint-slice";
import { formatEndpoints } from "./endpoints";

const addresses = (...ips: string[]) => ips.map((ip) => ({ ip }));

describe("formatEndpoints (printers.go)", () => {
  it.each<[string, Endpoints["subsets"], string]>([
    ["no subsets", undefined, "<none>"],
    ["one address and port", [{ addresses: addresses("10.244.1.2"), ports: [{ port: 80 }] }], "10.244.1.2:80"],
    ["every port of every address, three at most", [{ addresses: addresses("10.0.0.1", "10.0.0.2"), ports: [{ name: "a", port: 53 }, { name: "b", port: 9153 }] }], "10.0.0.1:53,10.0.0.2:53,10.0.0.1:9153 + 1 more..."],
    ["a subset without ports lists bare addresses", [{ addresses: addresses("10.0.0.1") }], "10.0.0.1"],
    ["only not-ready addresses read empty", [{ notReadyAddresses: addresses("10.0.0.1"), ports: [{ port: 80 }] }], ""],
    ["IPv6 in brackets", [{ addresses: addresses("fd00::1"), ports: [{ port: 80 }] }], "[fd00::1]:80"],
  ])("%s", (_, subsets, want) => {
    expect(formatEndpoints({ subsets })).toBe(want);
  });
});

describe("formatDiscoveryPorts and formatDiscoveryEndpoints (printers.go)", () => {
  const slice = (ports: EndpointSlice["ports"], ips: string[]): EndpointSlice => ({ addressType: "IPv4", endpoints: ips.map((ip) => ({ addresses: [ip] })), ports });
  it.each<[string, EndpointSlice, string, string]>([
    ["a placeholder", slice(null as unknown as undefined, []), "<unset>", "<unset>"],
    ["port numbers, then the name of a port without one, else *", slice([{ port: 53 }, { name: "dns" }, {}], ["10.0.0.1"]), "53,dns,*", "10.0.0.1"],
    ["the first three, then how many more", slice([{ port: 1 }, { port: 2 }, { port: 3 }, { port: 4 }], ["a", "b", "c", "d", "e"]), "1,2,3 + 1 more...", "a,b,c + 2 more..."],
  ])("%s", (_, s, ports, endpoints) => {
    expect([formatDiscoveryPorts(s), formatDiscoveryEndpoints(s)]).toEqual([ports, endpoints]);
  });
});
