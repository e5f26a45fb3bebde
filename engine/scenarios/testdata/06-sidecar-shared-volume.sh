kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  volumes:
  - name: logs
    emptyDir: {}
  initContainers:
  - name: shipper
    image: busybox:1.36
    restartPolicy: Always
    command: ['sh', '-c', 'while true; do echo "$(date) shipped" >> /var/log/app/ship.log; sleep 5; done']
    volumeMounts:
    - name: logs
      mountPath: /var/log/app
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3; tail -f /var/log/app/ship.log']
    volumeMounts:
    - name: logs
      mountPath: /var/log/app
YAML
sleep 20
kubectl get pod web
kubectl exec web -c app -- cat /var/log/app/ship.log
kubectl logs web -c app
