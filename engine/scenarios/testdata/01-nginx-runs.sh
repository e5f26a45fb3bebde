kubectl run nginx --image=nginx:1.14.2
kubectl get pod nginx
sleep 2
kubectl get pod nginx
sleep 8
kubectl get pod nginx -o wide
kubectl describe pod nginx | sed -n '/^Events:/,$p'
