kubectl create namespace team
kubectl apply -n team -f - <<'YAML'
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 100m
      memory: 128Mi
    max:
      memory: 512Mi
YAML
kubectl get limits -n team
kubectl describe limitrange defaults -n team
kubectl run web --image=nginx -n team
kubectl get pod web -n team -o jsonpath='{.metadata.annotations}{"\n"}{.spec.containers[0].resources}{"\n"}{.status.qosClass}{"\n"}'
kubectl run huge --image=nginx -n team --overrides='{"spec":{"containers":[{"name":"huge","image":"nginx","resources":{"limits":{"memory":"1Gi"}}}]}}'
kubectl create quota compute -n team --hard=pods=3,requests.memory=512Mi,limits.memory=1Gi
cat > big.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: big
    image: nginx
    resources:
      requests:
        memory: 512Mi
      limits:
        memory: 512Mi
YAML
kubectl apply -f big.yaml -n team
kubectl get quota -n team
kubectl describe quota compute -n team
kubectl create deployment api --image=nginx --replicas=3 -n team
sleep 5
kubectl get deploy,rs -n team
kubectl describe quota compute -n team | tail -3
kubectl get events -n team --field-selector reason=FailedCreate -o custom-columns=REASON:.reason,MESSAGE:.message | head -2
kubectl delete pod web -n team
kubectl describe quota compute -n team | tail -3
