/** The files every image of a base distribution carries: the directory skeleton, os-release, passwd. */
import type { BaseOs } from "../image-spec";

const DEBIAN_CODENAMES: Record<number, string> = { 9: "stretch", 10: "buster", 11: "bullseye", 12: "bookworm", 13: "trixie" };

export function debianCodename(release: number): string {
  return DEBIAN_CODENAMES[release] ?? "bookworm";
}

const SKELETON = ["/bin", "/dev", "/etc", "/home", "/lib", "/proc", "/root", "/run", "/sbin", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/local/bin", "/usr/sbin", "/usr/share", "/var", "/var/log", "/var/run", "/var/tmp"];

/** Directories of the base file system (also created empty for scratch images, as the runtime mounts them). */
export function baseDirs(base: BaseOs): readonly string[] {
  return base.os === "scratch" ? ["/dev", "/etc", "/proc", "/sys", "/tmp"] : SKELETON;
}

function osRelease(base: BaseOs): string | undefined {
  switch (base.os) {
    case "debian": {
      const name = DEBIAN_CODENAMES[base.release];
      return [
        `PRETTY_NAME="Debian GNU/Linux ${base.release} (${name})"`,
        `NAME="Debian GNU/Linux"`,
        `VERSION_ID="${base.release}"`,
        `VERSION="${base.release} (${name})"`,
        `VERSION_CODENAME=${name}`,
        ...(base.release >= 13 ? [`DEBIAN_VERSION_FULL=13.1`] : []),
        `ID=debian`,
        `HOME_URL="https://www.debian.org/"`,
        `SUPPORT_URL="https://www.debian.org/support"`,
        `BUG_REPORT_URL="https://bugs.debian.org/"`,
        "",
      ].join("\n");
    }
    case "alpine": {
      const short = base.version.split(".").slice(0, 2).join(".");
      return [
        `NAME="Alpine Linux"`,
        `ID=alpine`,
        `VERSION_ID=${base.version}`,
        `PRETTY_NAME="Alpine Linux v${short}"`,
        `HOME_URL="https://alpinelinux.org/"`,
        `BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"`,
        "",
      ].join("\n");
    }
    case "ubuntu": {
      const codename = base.version.startsWith("24.04") ? "noble" : base.version.startsWith("22.04") ? "jammy" : "focal";
      const pretty = base.version.startsWith("24.04") ? "24.04.3 LTS" : base.version.startsWith("22.04") ? "22.04.5 LTS" : "20.04.6 LTS";
      return [
        `PRETTY_NAME="Ubuntu ${pretty}"`,
        `NAME="Ubuntu"`,
        `VERSION_ID="${base.version}"`,
        `VERSION="${pretty} (${codename[0].toUpperCase()}${codename.slice(1)} ${codename === "noble" ? "Numbat" : codename === "jammy" ? "Jellyfish" : "Fossa"})"`,
        `VERSION_CODENAME=${codename}`,
        `ID=ubuntu`,
        `ID_LIKE=debian`,
        `HOME_URL="https://www.ubuntu.com/"`,
        `SUPPORT_URL="https://help.ubuntu.com/"`,
        `BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"`,
        `PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"`,
        `UBUNTU_CODENAME=${codename}`,
        "",
      ].join("\n");
    }
    case "oracle":
      return [`NAME="Oracle Linux Server"`, `VERSION="${base.version}"`, `ID="ol"`, `ID_LIKE="fedora"`, `VERSION_ID="${base.version}"`, `PRETTY_NAME="Oracle Linux Server ${base.version}"`, ""].join("\n");
    default:
      return undefined;
  }
}

const PASSWD_BUSYBOX = "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n";
const PASSWD_DEBIAN = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";

/** Files of the base distribution, by absolute path. */
export function baseFiles(base: BaseOs): Record<string, string> {
  const files: Record<string, string> = {};
  const release = osRelease(base);
  if (release) files[base.os === "debian" || base.os === "ubuntu" ? "/usr/lib/os-release" : "/etc/os-release"] = release;
  if (release && (base.os === "debian" || base.os === "ubuntu")) files["/etc/os-release"] = release;
  if (base.os === "alpine") files["/etc/alpine-release"] = `${base.version}\n`;
  if (base.os === "debian") files["/etc/debian_version"] = `${{ 9: "9.13", 10: "10.13", 11: "11.11", 12: "12.11", 13: "13.1" }[base.release]}\n`;
  if (base.os === "busybox" || base.os === "alpine") files["/etc/passwd"] = PASSWD_BUSYBOX;
  if (base.os === "debian" || base.os === "ubuntu") files["/etc/passwd"] = PASSWD_DEBIAN;
  return files;
}
