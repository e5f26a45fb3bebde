ssh node01 "sed -i 's#^ExecStart=/usr/bin/kubelet #ExecStart=/usr/local/bin/kubelet #' /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf"
ssh node01 systemctl restart kubelet
ssh node01 systemctl daemon-reload
ssh node01 systemctl restart kubelet
sleep 15
ssh node01 systemctl status kubelet --no-pager -n 8
ssh node01 journalctl -u kubelet -n 6 --no-pager
sleep 45
kubectl get nodes
ssh node01 grep ExecStart= /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf
ssh node01 "sed -i 's#/usr/local/bin/kubelet#/usr/bin/kubelet#' /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf"
ssh node01 systemctl daemon-reload
ssh node01 systemctl restart kubelet
sleep 2
ssh node01 systemctl status kubelet --no-pager -n 0
kubectl get nodes
