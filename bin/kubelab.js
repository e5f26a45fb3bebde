#!/usr/bin/env node
// The `kubelab` command runs its TypeScript through tsx, a runtime dependency.
import { register } from "tsx/esm/api";

register();
await import("./kubelab.ts");
