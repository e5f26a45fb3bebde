kubectl run small --image=nginx --overrides='{"spec":{"containers":[{"name":"small","image":"nginx","resources":{"requests":{"cpu":"500m","memory":"256Mi"}}}]}}'
kubectl run big --image=nginx --overrides='{"spec":{"containers":[{"name":"big","image":"nginx","resources":{"requests":{"cpu":"3"}}}]}}'
sleep 5
kubectl get pods
kubectl describe pod big | sed -n '/^Events:/,$p'
kubectl describe node $(kubectl get pod small -o jsonpath='{.spec.nodeName}') | sed -n '/^Non-terminated/,/^Events/p'
