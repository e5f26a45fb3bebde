/**
 * The files a kubeadm node holds for its two services, as the packages and kubeadm write
 * them: the kubelet's unit from the kubelet deb of pkgs.k8s.io and the drop-in from the
 * kubeadm deb (both under /usr/lib/systemd/system on Ubuntu 24.04), the flags `kubeadm
 * join` writes, the empty /etc/default/kubelet the deb installs, and containerd.io's unit.
 */

export const SYSTEM_UNIT_DIR = "/usr/lib/systemd/system";
export const ADMIN_UNIT_DIR = "/etc/systemd/system";
/** Where `enable` links the units: their `WantedBy=multi-user.target`. */
export const WANTS_DIR = `${ADMIN_UNIT_DIR}/multi-user.target.wants`;

export const KUBELET_UNIT = `[Unit]
Description=kubelet: The Kubernetes Node Agent
Documentation=https://kubernetes.io/docs/
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/bin/kubelet
Restart=always
StartLimitInterval=0
RestartSec=10

[Install]
WantedBy=multi-user.target
`;

export const KUBEADM_DROP_IN_PATH = `${SYSTEM_UNIT_DIR}/kubelet.service.d/10-kubeadm.conf`;

export const KUBEADM_DROP_IN = `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use
# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

/** kubeadm 1.35 no longer passes --pod-infra-container-image: the kubelet dropped that flag. */
export const KUBEADM_FLAGS = `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock"
`;

export const DEFAULT_KUBELET = "KUBELET_EXTRA_ARGS=\n";

export const CONTAINERD_UNIT = `# Copyright The containerd Authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

[Unit]
Description=containerd container runtime
Documentation=https://containerd.io
After=network.target local-fs.target

[Service]
ExecStartPre=-/sbin/modprobe overlay
ExecStart=/usr/bin/containerd

Type=notify
Delegate=yes
KillMode=process
Restart=always
RestartSec=5

# Having non-zero Limit*s causes performance problems due to accounting overhead
# in the kernel. We recommend using cgroups to do container-local accounting.
LimitNPROC=infinity
LimitCORE=infinity

# Comment TasksMax if your systemd version does not supports it.
# Only systemd 226 and above support this version.
TasksMax=infinity
OOMScoreAdjust=-999

[Install]
WantedBy=multi-user.target
`;

/** path → content of every file above, in the order a package manager would lay them down. */
export const NODE_SERVICE_FILES: Readonly<Record<string, string>> = {
  [`${SYSTEM_UNIT_DIR}/kubelet.service`]: KUBELET_UNIT,
  [KUBEADM_DROP_IN_PATH]: KUBEADM_DROP_IN,
  [`${SYSTEM_UNIT_DIR}/containerd.service`]: CONTAINERD_UNIT,
  "/var/lib/kubelet/kubeadm-flags.env": KUBEADM_FLAGS,
  "/etc/default/kubelet": DEFAULT_KUBELET,
};

/**
 * The programs the packages install, as files a learner can list, move or chmod: an
 * ExecStart= finds its binary only where one is. Their content is a stand-in for the
 * ELF binaries (the host's disk holds text, and far less of it).
 */
export const NODE_PROGRAMS: readonly string[] = ["/usr/bin/kubelet", "/usr/bin/containerd"];
export const PROGRAM_STAND_IN = "\u007fELF\u0002\u0001\u0001\n";
