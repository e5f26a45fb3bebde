/**
 * Which BusyBox an image carries, as its banner names it ("BusyBox v1.36.1 (2023-05-18
 * 22:34:17 UTC) multi-call binary."), and which applets the docker-library busybox image
 * links into /bin. Those images build the tagged release with `make defconfig` (plus ar and
 * inotifyd) and SOURCE_DATE_EPOCH set to the release tarball's date, then run
 * `busybox --install /bin` (docker-library/busybox Dockerfile-builder.template); Alpine
 * ships a build of its own per release.
 */
import type { BaseOs, ImageVariant } from "../image-spec";

export interface BusyboxBuild {
  readonly version: string;
  /** the build stamp of the banner */
  readonly built: string;
}

/** Build stamps seen in the docker-library images' banners. */
const DOCKER_STAMPS: Readonly<Record<string, string>> = {
  "1.37.0": "2024-09-26 21:31:42 UTC",
  "1.36.1": "2023-05-18 22:34:17 UTC",
  "1.28.4": "2018-05-22 17:00:17 UTC",
};

/** busybox.net's release days, for the stamp of a tag whose banner was not recorded (its time of day is not known). */
const RELEASED: Readonly<Record<string, string>> = {
  "1.36.0": "2023-01-03",
  "1.35.0": "2021-12-26",
  "1.34.1": "2021-09-30",
  "1.34.0": "2021-08-19",
  "1.33.1": "2021-05-03",
  "1.33.0": "2021-05-03",
  "1.32.1": "2021-01-01",
  "1.32.0": "2020-06-26",
  "1.31.1": "2019-10-25",
  "1.31.0": "2019-06-10",
  "1.30.1": "2019-02-14",
  "1.30.0": "2018-12-31",
  "1.29.3": "2018-09-09",
  "1.27.2": "2017-08-20",
  "1.26.2": "2017-01-07",
  "1.25.1": "2016-10-15",
  "1.24.2": "2016-03-17",
  "1.24.0": "2015-10-12",
  "1.23.2": "2015-03-23",
  "1.22.1": "2014-01-20",
  "1.21.1": "2013-07-02",
};

/** Alpine's busybox package by Alpine release (3.18's banner: 2023-06-02 00:42:02; 3.21's r12: 2025-01-17 18:12:01). */
const ALPINE: Readonly<Record<string, BusyboxBuild>> = {
  "3.23": { version: "1.37.0", built: "2025-01-17 18:12:01 UTC" },
  "3.22": { version: "1.37.0", built: "2025-01-17 18:12:01 UTC" },
  "3.21": { version: "1.37.0", built: "2025-01-17 18:12:01 UTC" },
  "3.20": { version: "1.36.1", built: "2023-06-02 00:42:02 UTC" },
  "3.19": { version: "1.36.1", built: "2023-06-02 00:42:02 UTC" },
  "3.18": { version: "1.36.1", built: "2023-06-02 00:42:02 UTC" },
  "3.17": { version: "1.35.0", built: "2022-08-01 15:14:44 UTC" },
  "3.16": { version: "1.35.0", built: "2022-08-01 15:14:44 UTC" },
  "3.15": { version: "1.34.1", built: "2021-09-30 00:00:00 UTC" },
  "3.14": { version: "1.33.1", built: "2021-05-03 00:00:00 UTC" },
  "3.13": { version: "1.32.1", built: "2021-01-01 00:00:00 UTC" },
  "3.12": { version: "1.31.1", built: "2019-10-25 00:00:00 UTC" },
  "3.11": { version: "1.31.1", built: "2019-10-25 00:00:00 UTC" },
  "3.10": { version: "1.30.1", built: "2019-02-14 00:00:00 UTC" },
  "3.7": { version: "1.27.2", built: "2017-08-20 00:00:00 UTC" },
};

function dockerBuild(version: string): BusyboxBuild {
  return { version, built: DOCKER_STAMPS[version] ?? `${RELEASED[version] ?? "2024-09-26"} 00:00:00 UTC` };
}

/** The BusyBox of an image whose utilities are BusyBox's. */
export function busyboxBuild(base: BaseOs, variant: ImageVariant): BusyboxBuild {
  if (base.os === "busybox") return dockerBuild(variant.version);
  if (base.os === "alpine") return ALPINE[base.version.split(".").slice(0, 2).join(".")] ?? ALPINE["3.22"];
  return dockerBuild("1.36.1");
}

/** `busybox --list` of the docker-library busybox:1.36 image (defconfig, with ar and inotifyd). */
export const DOCKER_APPLETS: readonly string[] = (
  "[ [[ acpid add-shell addgroup adduser adjtimex ar arch arp arping ascii ash awk base32 base64 basename bc beep " +
  "blkdiscard blkid blockdev bootchartd brctl bunzip2 bzcat bzip2 cal cat chat chattr chgrp chmod chown chpasswd chpst " +
  "chroot chrt chvt cksum clear cmp comm conspy cp cpio crc32 crond crontab cryptpw cttyhack cut date dc dd deallocvt " +
  "delgroup deluser depmod devmem df dhcprelay diff dirname dmesg dnsd dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap " +
  "dumpleases echo ed egrep eject env envdir envuidgid ether-wake expand expr factor fakeidentd fallocate false fatattr " +
  "fbset fbsplash fdflush fdformat fdisk fgconsole fgrep find findfs flock fold free freeramdisk fsck fsck.minix fsfreeze " +
  "fstrim fsync ftpd ftpget ftpput fuser getopt getty grep groups gunzip gzip halt hd hdparm head hexdump hexedit hostid " +
  "hostname httpd hush hwclock i2cdetect i2cdump i2cget i2cset i2ctransfer id ifconfig ifdown ifenslave ifplugd ifup inetd " +
  "init inotifyd insmod install ionice iostat ip ipaddr ipcalc ipcrm ipcs iplink ipneigh iproute iprule iptunnel kbd_mode " +
  "kill killall killall5 klogd last less link linux32 linux64 linuxrc ln loadfont loadkmap logger login logname logread " +
  "losetup lpd lpq lpr ls lsattr lsmod lsof lspci lsscsi lsusb lzcat lzma lzop makedevs makemime man md5sum mdev mesg " +
  "microcom mim mkdir mkdosfs mke2fs mkfifo mkfs.ext2 mkfs.minix mkfs.vfat mknod mkpasswd mkswap mktemp modinfo modprobe " +
  "more mount mountpoint mpstat mt mv nameif nanddump nandwrite nbd-client nc netstat nice nl nmeter nohup nologin nproc " +
  "nsenter nslookup ntpd od openvt partprobe passwd paste patch pgrep pidof ping ping6 pipe_progress pivot_root pkill pmap " +
  "popmaildir poweroff powertop printenv printf ps pscan pstree pwd pwdx raidautorun rdate rdev readahead readlink " +
  "readprofile realpath reboot reformime remove-shell renice reset resize resume rev rm rmdir rmmod route rpm rpm2cpio " +
  "rtcwake run-init run-parts runlevel runsv runsvdir rx script scriptreplay sed seedrng sendmail seq setarch setconsole " +
  "setfattr setfont setkeycodes setlogcons setpriv setserial setsid setuidgid sh sha1sum sha256sum sha3sum sha512sum " +
  "showkey shred shuf slattach sleep smemcap softlimit sort split ssl_client start-stop-daemon stat strings stty su sulogin " +
  "sum sv svc svlogd svok swapoff swapon switch_root sync sysctl syslogd tac tail tar taskset tcpsvd tee telnet telnetd " +
  "test tftp tftpd time timeout top touch tr traceroute traceroute6 tree true truncate ts tsort tty ttysize tunctl " +
  "ubiattach ubidetach ubimkvol ubirename ubirmvol ubirsvol ubiupdatevol udhcpc udhcpc6 udhcpd udpsvd uevent umount uname " +
  "unexpand uniq unix2dos unlink unlzma unshare unxz unzip uptime users usleep uudecode uuencode vconfig vi vlock volname w " +
  "wall watch watchdog wc wget which who whoami whois xargs xxd xz xzcat yes zcat zcip"
).split(" ");

/** BusyBox applets Alpine leaves to its busybox-extras package (httpd, telnet ...). */
export const NOT_IN_ALPINE_BUSYBOX: ReadonlySet<string> = new Set(["httpd", "telnet", "telnetd", "ftpd", "ftpget", "ftpput", "tftp", "tftpd", "inetd", "fakeidentd", "dnsd", "udpsvd", "tcpsvd"]);
