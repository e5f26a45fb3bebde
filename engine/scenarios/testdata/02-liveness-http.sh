kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args:
    - liveness
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: Custom-Header
          value: Awesome
      initialDelaySeconds: 3
      periodSeconds: 3
YAML
for t in 10 10 10 30 60 120 300; do sleep $t; kubectl get pod liveness-http --no-headers; done
kubectl describe pod liveness-http | sed -n '/^Events:/,$p'
