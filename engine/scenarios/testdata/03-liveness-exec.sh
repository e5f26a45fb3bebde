kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
YAML
for t in 20 15 10 10 20; do sleep $t; kubectl get pod liveness-exec --no-headers; done
kubectl describe pod liveness-exec | sed -n '/^Events:/,$p'
