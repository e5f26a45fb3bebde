kubectl run picky --image=nginx --overrides='{"spec":{"nodeSelector":{"disktype":"ssd"}}}'
sleep 5
kubectl get pod picky
kubectl describe pod picky | sed -n '/^Events:/,$p'
kubectl label node node02 disktype=ssd
sleep 5
kubectl get pod picky -o wide
kubectl taint node node01 app=blue:NoSchedule
kubectl taint node node02 app=blue:NoSchedule
kubectl run tainted --image=nginx
sleep 3
kubectl get pod tainted
kubectl get events --field-selector involvedObject.name=tainted
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: tolerant
spec:
  tolerations:
  - key: app
    operator: Equal
    value: blue
    effect: NoSchedule
  containers:
  - name: nginx
    image: nginx
YAML
sleep 5
kubectl get pod tolerant
