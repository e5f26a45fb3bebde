import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { describeObject } from "./describe-object";
import { printUnstructuredContent, smartLabelFor } from "./generic";
import { DescribeWriter, LEVEL_0 } from "./prefix-writer";
import { fakeContext } from "./test-support";

describe("generic describer", () => {
  // kubectl's TestDescribeUnstructuredContent.
  it("prints every field sorted under smart labels, skipping the given paths", () => {
    const w = new DescribeWriter();
    const obj = {
      apiVersion: "v1",
      kind: "Test",
      dummyDummy: "present",
      "dummy/dummy": "present",
      "dummy-dummy@dummy": "present",
      "dummy-dummy": "present",
      dummy1: "present",
      dummy2: "present",
      metadata: { name: "MyName", namespace: "MyNamespace", creationTimestamp: "2017-04-01T00:00:00Z", resourceVersion: 123, uid: "00000000-0000-0000-0000-000000000001", dummy3: "present" },
      items: [{ itemBool: true, itemInt: 42 }],
      url: "http://localhost",
      status: "ok",
    };
    printUnstructuredContent(w, LEVEL_0, obj, "", [".dummy1", ".metadata.dummy3"]);
    expect(w.raw()).toContain(
      "API Version:\tv1\nDummy - Dummy:\tpresent\ndummy-dummy@dummy:\tpresent\ndummy/dummy:\tpresent\ndummy2:\tpresent\nDummy Dummy:\tpresent\nItems:\n  Item Bool:\ttrue\n  Item Int:\t42\nKind:\tTest\nMetadata:\n  Creation Timestamp:\t2017-04-01T00:00:00Z\n  Name:\tMyName\n  Namespace:\tMyNamespace\n  Resource Version:\t123\n  UID:\t00000000-0000-0000-0000-000000000001\nStatus:\tok\nURL:\thttp://localhost\n",
    );
    for (const unexpected of ["Dummy 1", "Dummy 3", "Dummy3", "dummy3", "dummy 3"]) expect(w.raw()).not.toContain(unexpected);
  });

  it.each([
    ["apiVersion", "API Version"],
    ["involvedObject", "Involved Object"],
    ["uid", "UID"],
    ["reportingComponent", "Reporting Component"],
    ["podIPs", "Pod I Ps"],
    ["HTTPServer", "HTTP Server"],
    ["dummy-dummy", "Dummy - Dummy"],
    ["ipv4Address", "ipv4Address"],
  ])("labels %s as %s", (field, label) => {
    expect(smartLabelFor(field)).toBe(label);
  });

  it("describes an Event, which has no describer of its own", () => {
    const event: KubeObject = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "nginx.17c0c5d2d8a1e2f3", namespace: "default", uid: "ev-uid", resourceVersion: "1234", creationTimestamp: "2026-01-27T10:00:01Z", managedFields: [{ manager: "kubelet" }] },
      involvedObject: { apiVersion: "v1", fieldPath: "spec.containers{nginx}", kind: "Pod", name: "nginx", namespace: "default", resourceVersion: "1200", uid: "pod-uid" },
      reason: "Pulling",
      message: 'Pulling image "nginx"',
      source: { component: "kubelet", host: "node01" },
      firstTimestamp: "2026-01-27T10:00:01Z",
      lastTimestamp: "2026-01-27T10:00:01Z",
      count: 1,
      type: "Normal",
      eventTime: null,
      reportingComponent: "kubelet",
      reportingInstance: "node01",
    };
    expect(describeObject(event, fakeContext("2026-01-27T10:00:05Z"))).toBe(
      [
        "Name:             nginx.17c0c5d2d8a1e2f3",
        "Namespace:        default",
        "Labels:           <none>",
        "Annotations:      <none>",
        "API Version:      v1",
        "Count:            1",
        "Event Time:       <nil>",
        "First Timestamp:  2026-01-27T10:00:01Z",
        "Involved Object:",
        "  API Version:       v1",
        "  Field Path:        spec.containers{nginx}",
        "  Kind:              Pod",
        "  Name:              nginx",
        "  Namespace:         default",
        "  Resource Version:  1200",
        "  UID:               pod-uid",
        "Kind:                Event",
        "Last Timestamp:      2026-01-27T10:00:01Z",
        'Message:             Pulling image "nginx"',
        "Metadata:",
        "  Creation Timestamp:  2026-01-27T10:00:01Z",
        "  Resource Version:    1234",
        "  UID:                 ev-uid",
        "Reason:                Pulling",
        "Reporting Component:   kubelet",
        "Reporting Instance:    node01",
        "Source:",
        "  Component:  kubelet",
        "  Host:       node01",
        "Type:         Normal",
        "Events:       <none>",
        "",
      ].join("\n"),
    );
  });
});
