/**
 * BusyBox httpd (networking/httpd.c) as tutorials run it in a busybox pod: `httpd -f -p
 * 8080 -h /www` as the container's command, reached by probes and by wget from another pod,
 * or started from `kubectl exec` without -f, where it forks away and keeps serving.
 */
import { describe, expect, it } from "vitest";
import { SimulatedRuntime } from "../simulated-runtime";
import { T0, config, logText, running } from "../test-support";

const S = 1000;
const SERVE = "mkdir -p /www/docs && echo hello > /www/index.html && echo note > /www/docs/a.txt && httpd -f -p 8080 -h /www";

/** A server pod at 10.244.1.5 and a client pod at 10.244.1.6. */
function pods(server = SERVE): SimulatedRuntime {
  const rt = new SimulatedRuntime();
  rt.start("s", "node01", config({ podUid: "srv", podIP: "10.244.1.5", command: ["sh", "-c", server] }), T0);
  rt.start("c", "node01", config({ podUid: "cli", podName: "client", podIP: "10.244.1.6", command: ["sleep", "3600"] }), T0);
  return rt;
}

function wget(rt: SimulatedRuntime, url: string) {
  return rt.exec("c", ["wget", "-qO-", url], "", T0 + 2 * S);
}

describe("httpd -f serving a directory", () => {
  it.each([
    ["/", { stdout: "hello\n", stderr: "", exitCode: 0 }],
    ["/index.html", { stdout: "hello\n", stderr: "", exitCode: 0 }],
    ["/docs/a.txt", { stdout: "note\n", stderr: "", exitCode: 0 }],
    ["/nope", { stdout: "", stderr: "wget: server returned error: HTTP/1.0 404 Not Found\n", exitCode: 1 }],
    // a directory without index.html has nothing to send
    ["/docs/", { stdout: "", stderr: "wget: server returned error: HTTP/1.0 404 Not Found\n", exitCode: 1 }],
  ])("wget from another pod: %s", (path, result) => {
    expect(wget(pods(), `http://10.244.1.5:8080${path}`)).toEqual(result);
  });

  it("sends a directory named without its slash to dir/ (302), which wget follows", () => {
    const rt = running({ command: ["sleep", "3600"] });
    expect(rt.exec("c", ["sh", "-c", "mkdir -p /w/d && echo in-d > /w/d/index.html && httpd -p 9000 -h /w && wget -O- http://localhost:9000/d"], "", T0 + S)).toEqual({
      stdout: "in-d\n",
      stderr: "Connecting to localhost (127.0.0.1:9000)\nConnecting to localhost (127.0.0.1:9000)\nwriting to stdout\n-                    100% |********************************|     5  0:00:00 ETA\nwritten to stdout\n",
      exitCode: 0,
    });
  });

  it("answers curl with BusyBox's own headers", () => {
    const rt = running({ image: "radial/busyboxplus:curl", command: ["sleep", "3600"] });
    const r = rt.exec("c", ["sh", "-c", "mkdir /w && echo hi > /w/a.txt && httpd -p 9000 -h /w && curl -si localhost:9000/a.txt"], "", T0 + S);
    expect(r.stdout).toBe("HTTP/1.0 200 OK\r\nDate: Thu, 01 Jan 2026 12:00:01 GMT\r\nConnection: close\r\nContent-type: text/plain\r\nAccept-Ranges: bytes\r\nLast-Modified: Thu, 01 Jan 2026 12:00:01 GMT\r\nContent-Length: 3\r\n\r\nhi\n");
  });

  it("keeps the container Running, logging nothing without -v", () => {
    const rt = pods();
    wget(rt, "http://10.244.1.5:8080/");
    expect(rt.step("s", T0 + 60 * S).kind).toBe("running");
    expect(logText(rt, "s")).toBe("");
  });

  it("-v logs each response, -vv each URL too, named by the client's address", () => {
    const rt = pods(SERVE.replace("-f", "-f -vv"));
    wget(rt, "http://10.244.1.5:8080/");
    wget(rt, "http://10.244.1.5:8080/nope");
    expect(logText(rt, "s")).toBe("10.244.1.6:40001: url:/\n10.244.1.6:40001: response:200\n10.244.1.6:40002: url:/nope\n10.244.1.6:40002: response:404\n");
  });

  it("passes an httpGet probe and a tcpSocket probe", () => {
    const rt = pods();
    expect(rt.probe("s", { httpGet: { path: "/", port: 8080 } }, T0 + S)).toEqual({ success: true, output: "hello\n" });
    expect(rt.probe("s", { tcpSocket: { port: 8080 } }, T0 + S).success).toBe(true);
  });

  it("ignores SIGTERM as PID 1 (it sets no handler), so the kubelet's KILL ends it", () => {
    const rt = pods();
    expect(rt.signal("s", "TERM", T0 + 5 * S).kind).toBe("running");
    expect(rt.signal("s", "KILL", T0 + 35 * S)).toEqual({ kind: "exited", exitCode: 137, reason: "Error", at: T0 + 35 * S });
  });
});

describe("httpd without -f", () => {
  it("forks into the background: the shell goes on, and the server outlives the exec that started it", () => {
    const rt = pods("sleep 3600");
    expect(rt.exec("s", ["sh", "-c", "echo hi > /tmp/index.html; httpd -p 8080 -h /tmp; echo started $?"], "", T0 + S)).toEqual({ stdout: "started 0\n", stderr: "", exitCode: 0 });
    expect(wget(rt, "http://10.244.1.5:8080/")).toEqual({ stdout: "hi\n", stderr: "", exitCode: 0 });
    expect(rt.exec("s", ["ps"], "", T0 + 3 * S).stdout).toContain(" root      0:00 httpd -p 8080 -h /tmp\n");
  });
});

describe("what httpd refuses", () => {
  it.each([
    ["httpd -f -h /nope", "httpd: can't change directory to '/nope': No such file or directory\n"],
    ["httpd -p 8080; httpd -f -p 8080", "httpd: bind: Address already in use\n"],
  ])("%s", (script, stderr) => {
    const rt = running({ command: ["sleep", "3600"] });
    expect(rt.exec("c", ["sh", "-c", script], "", T0 + S)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });

  it("an unknown option shows its usage", () => {
    const rt = running({ command: ["sleep", "3600"] });
    const r = rt.exec("c", ["httpd", "-Z"], "", T0 + S);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("Usage: httpd [-ifv[v]] [-c CONFFILE] [-p [IP:]PORT] [-u USER[:GRP]] [-r REALM] [-h HOME]\nor httpd -d/-e/-m STRING\n\nListen for incoming HTTP requests\n");
  });

  it("-d and -e decode and encode, as CGI scripts use them", () => {
    const rt = running({ command: ["sleep", "3600"] });
    expect(rt.exec("c", ["httpd", "-d", "Hello%20World"], "", T0 + S).stdout).toBe("Hello World\n");
    expect(rt.exec("c", ["httpd", "-e", "<Hello World>"], "", T0 + S).stdout).toBe("&#60Hello&#32World&#62\n");
  });
});
