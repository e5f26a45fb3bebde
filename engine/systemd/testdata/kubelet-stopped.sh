kubectl create deployment web --image=nginx --replicas=2
sleep 10
kubectl get pods -o wide
ssh node01 systemctl stop kubelet
ssh node01 systemctl is-active kubelet
sleep 49
kubectl get nodes
sleep 1
kubectl get nodes
kubectl describe node node01 | sed -n '/^Taints/,/^Addresses/p'
kubectl get events --field-selector involvedObject.name=node01
kubectl get pods -o wide
sleep 300
kubectl get pods -o wide
ssh node01 systemctl start kubelet
sleep 2
kubectl get nodes
kubectl describe node node01 | grep -A1 ^Taints
kubectl get events --field-selector involvedObject.name=node01
sleep 30
kubectl get pods -o wide
