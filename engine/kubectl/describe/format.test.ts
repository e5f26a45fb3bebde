import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { describeProbe } from "./containers";
import { describeEvents } from "./events";
import { printAnnotationsMultiline } from "./labels-annotations";
import { DescribeWriter } from "./prefix-writer";
import { rfc1123z } from "./time-format";

describe("annotations", () => {
  // kubectl's TestPrintLabelsMultiline, expected raw writer output verbatim.
  const key = "MaxLenAnnotation";
  const value = "a".repeat(140 - key.length - 2);
  it.each([
    [{ col1: "asd", COL2: "zxc" }, "Annotations:\tCOL2: zxc\n\tcol1: asd\n"],
    [{ [key]: value }, `Annotations:\t${key}: ${value}\n`],
    [{ [key]: value + "1" }, `Annotations:\t${key}:\n\t  ${value}1\n`],
    [{ [key]: value + value }, `Annotations:\t${key}:\n\t  ${"a".repeat(138)}...\n`],
    [{ key: "value\nwith\nnewlines\n" }, "Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n"],
    [{}, "Annotations:\t<none>\n"],
  ])("prints %j", (annotations, want) => {
    const w = new DescribeWriter();
    printAnnotationsMultiline(w, "Annotations", annotations);
    expect(w.raw()).toBe(want);
  });

  it("escapes terminal control characters", () => {
    const w = new DescribeWriter();
    printAnnotationsMultiline(w, "Annotations", { evil: "\x1b[31mred\r" });
    expect(w.raw()).toBe("Annotations:\tevil: ^[[31mred\\r\n");
  });
});

describe("probes", () => {
  it.each([
    [{ httpGet: { path: "/healthz", port: 8080, scheme: "HTTP" } }, "http-get http://:8080/healthz"],
    [{ httpGet: { path: "/", port: "http", scheme: "HTTPS", host: "10.0.0.1" } }, "http-get https://10.0.0.1:http/"],
    [{ httpGet: { path: "ready", port: 80, scheme: "HTTP" } }, "http-get http://:80/ready"],
    [{ exec: { command: ["sh", "-c", "test -f /tmp/ok"] } }, "exec [sh -c test -f /tmp/ok]"],
    [{ tcpSocket: { port: 5432 } }, "tcp-socket :5432"],
    [{ grpc: { port: 9090, service: "" } }, "grpc <pod>:9090 "],
  ])("%j", (handler, prefix) => {
    expect(describeProbe({ ...handler, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 })).toBe(`${prefix} delay=0s timeout=1s period=10s #success=1 #failure=3`);
  });
});

describe("events", () => {
  const ev = (fields: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "Event", metadata: { name: "e" }, type: "Normal", reason: "R", ...fields });

  it("prints <none> on the same line when there are no events", () => {
    const w = new DescribeWriter();
    describeEvents([], 0, w);
    expect(w.raw()).toBe("Events:\t<none>\n");
  });

  // kubectl's TestPodDescribeResultsSorted and the age forms of DescribeEvents.
  it("sorts by last seen and prints first-seen ages, counts and series", () => {
    const now = Date.parse("2026-01-27T10:00:00Z");
    const w = new DescribeWriter();
    describeEvents(
      [
        ev({ message: "Item 1", source: { component: "kubelet" }, firstTimestamp: "2026-01-27T09:00:00Z", lastTimestamp: "2026-01-27T09:59:30Z", count: 4 }),
        ev({ message: "Item 2", source: { component: "scheduler" }, firstTimestamp: "2026-01-27T09:58:00Z", lastTimestamp: "2026-01-27T09:58:00Z", count: 1 }),
        ev({ message: "  Item 3  ", reportingComponent: "ctrl", eventTime: "2026-01-27T09:50:00.000001Z", series: { count: 2, lastObservedTime: "2026-01-27T09:59:00.000000Z" } }),
        ev({ message: "Item 4", source: {}, involvedObject: { fieldPath: "spec.containers{app}" }, firstTimestamp: "2026-01-27T09:59:59Z", lastTimestamp: "2026-01-27T09:59:59Z" }),
      ],
      now,
      w,
    );
    expect(w.render()).toBe(
      [
        "Events:",
        "  Type    Reason  Age                From       Message",
        "  ----    ------  ----               ----       -------",
        "  Normal  R       2m                 scheduler  Item 2",
        "  Normal  R       60s (x2 over 10m)  ctrl       Item 3",
        "  Normal  R       30s (x4 over 60m)  kubelet    Item 1",
        "  Normal  R       1s                            spec.containers{app}: Item 4",
        "",
      ].join("\n"),
    );
  });
});

describe("rfc1123z", () => {
  it("formats UTC times as Go's time.RFC1123Z and zero times as Go's zero", () => {
    expect(rfc1123z("2026-01-27T10:00:05Z")).toBe("Tue, 27 Jan 2026 10:00:05 +0000");
    expect(rfc1123z(undefined)).toBe("Mon, 01 Jan 0001 00:00:00 +0000");
  });
});
