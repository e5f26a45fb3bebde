kubectl create namespace mem-example
kubectl apply -n mem-example -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "50Mi"
      limits:
        memory: "100Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
YAML
for t in 1 1 1 1 1 5 10 20 40; do sleep $t; kubectl get pod memory-demo-2 -n mem-example --no-headers; done
kubectl get pod memory-demo-2 -n mem-example -o jsonpath='{.status.containerStatuses[0].lastState}{"\n"}'
