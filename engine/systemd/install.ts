/**
 * Unit installation state on disk (src/shared/install.c): `enable` links a unit into the
 * target its [Install] section names, `disable` removes the link, `mask` puts an empty unit
 * file in /etc/systemd/system (what systemd reads as masked, as it does a link to
 * /dev/null), `unmask` removes it. Also the node as it booted: packages' files, both units
 * enabled and started.
 */
import type { Vfs } from "../shell/vfs";
import { daemonReload, spawnUnit } from "./manager";
import type { HostServices } from "./state";
import { KNOWN_UNITS, writeServices } from "./state";
import { ADMIN_UNIT_DIR, NODE_PROGRAMS, NODE_SERVICE_FILES, PROGRAM_STAND_IN, SYSTEM_UNIT_DIR, WANTS_DIR } from "./unit-files";
import { diskTexts, wantsLink } from "./unit-view";

export interface InstallResult {
  /** what systemctl prints on stderr ("Created symlink …", "Removed …") */
  readonly messages: readonly string[];
  readonly error?: string;
}

const maskPath = (unit: string) => `${ADMIN_UNIT_DIR}/${unit}`;

/** A masked unit: an empty file (our stand-in for the link to /dev/null) where the admin's units go. */
export function isMasked(fs: Vfs, unit: string): boolean {
  const st = fs.stat(maskPath(unit));
  return st?.type === "file" && st.size === 0;
}

function fragmentPath(fs: Vfs, unit: string): string | undefined {
  return diskTexts(fs, unit)[0]?.[0];
}

export function enableUnit(fs: Vfs, unit: string): InstallResult {
  if (isMasked(fs, unit)) return { messages: [], error: `Failed to enable unit: Unit file ${maskPath(unit)} is masked.` };
  const target = fragmentPath(fs, unit);
  if (!target) return { messages: [], error: `Failed to enable unit: Unit file ${unit} does not exist.` };
  if (fs.exists(wantsLink(unit))) return { messages: [] };
  fs.mkdir(WANTS_DIR, { parents: true });
  fs.writeFile(wantsLink(unit), fs.readFile(target) ?? "");
  return { messages: [`Created symlink ${wantsLink(unit)} → ${target}.`] };
}

export function disableUnit(fs: Vfs, unit: string): InstallResult {
  if (!fragmentPath(fs, unit)) return { messages: [], error: `Failed to disable unit: Unit file ${unit} does not exist.` };
  if (!fs.exists(wantsLink(unit))) return { messages: [] };
  fs.remove(wantsLink(unit));
  return { messages: [`Removed "${wantsLink(unit)}".`] };
}

export function maskUnit(fs: Vfs, unit: string): InstallResult {
  if (isMasked(fs, unit)) return { messages: [] };
  if (fs.exists(maskPath(unit))) return { messages: [], error: `Failed to mask unit: File ${maskPath(unit)} already exists.` };
  fs.writeFile(maskPath(unit), "");
  return { messages: [`Created symlink ${maskPath(unit)} → /dev/null.`] };
}

export function unmaskUnit(fs: Vfs, unit: string): InstallResult {
  if (!isMasked(fs, unit)) return { messages: [] };
  fs.remove(maskPath(unit));
  return { messages: [`Removed "${maskPath(unit)}".`] };
}

/** The processes a node's systemd started before the cluster was created: containerd first, then the kubelet. */
const BOOT_STARTS: readonly [string, number][] = [
  ["containerd.service", -6_000],
  ["kubelet.service", -4_000],
];

/**
 * Lays down the packages' files on a node and boots its systemd at `readyAt`: both units
 * enabled and running, started shortly before, their start-up in the journal.
 */
export function installNodeServices(fs: Vfs, host: string, kubeletVersion: string, readyAt: number): void {
  for (const [path, content] of Object.entries(NODE_SERVICE_FILES)) {
    fs.mkdir(path.slice(0, path.lastIndexOf("/")), { parents: true });
    fs.writeFile(path, content);
  }
  for (const path of NODE_PROGRAMS) {
    fs.writeFile(path, PROGRAM_STAND_IN);
    fs.chmod(path, 0o755);
  }
  fs.mkdir(WANTS_DIR, { parents: true });
  for (const unit of KNOWN_UNITS) fs.writeFile(wantsLink(unit), fs.readFile(`${SYSTEM_UNIT_DIR}/${unit}`) ?? "");
  const empty: HostServices = { version: 1, bootAt: readyAt - 30_000, kubeletVersion, nextPid: 412, nextJob: 118, units: {}, journal: [] };
  let state = daemonReload({ fs, host, now: empty.bootAt }, empty);
  state = { ...state, journal: [] };
  for (const [unit, offset] of BOOT_STARTS) state = spawnUnit({ fs, host, now: readyAt + offset }, state, unit, readyAt + offset, 0);
  writeServices(fs, state);
}
