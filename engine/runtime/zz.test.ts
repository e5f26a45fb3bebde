import { it } from "vitest";
import { T0, running, logText } from "./test-support";
it("dbg", () => {
  const rt = running({ image: "busybox:1.36", command: ["sh", "-c", "(i=0; while true; do i=$((i+1)); echo \"line $i x$((i%2))\" >> /tmp/f; sleep 2; done) & tail -F /tmp/f | grep x1"] });
  console.log(JSON.stringify(rt.step("c", T0 + 9000)));
  console.log(JSON.stringify(rt.logs("c").map((l) => `${(l.time - T0) / 1000} ${l.text}`)));
  console.log(JSON.stringify(rt.exec("c", ["ps"], "", T0 + 9500)));
  const rt2 = running({ image: "busybox:1.36", command: ["sh", "-c", "while true; do date +%s; sleep 1; done | while read l; do echo got $l; done"] });
  rt2.step("c", T0 + 3500);
  console.log(logText(rt2));
  const rt3 = running({ image: "busybox:1.36", command: ["sh", "-c", "while true; do echo y; done | head -n 3; echo done $?"] });
  console.log(JSON.stringify(rt3.step("c", T0 + 3500)), logText(rt3));
});
