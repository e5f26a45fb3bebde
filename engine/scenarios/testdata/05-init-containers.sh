kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
YAML
sleep 10
kubectl get pod myapp-pod
kubectl create service clusterip myservice --tcp=80:9376 2>/dev/null || kubectl expose pod myapp-pod --name=myservice --port=80 --target-port=9376
sleep 10
kubectl get pod myapp-pod
kubectl expose pod myapp-pod --name=mydb --port=80 --target-port=9377
sleep 10
kubectl get pod myapp-pod
kubectl logs myapp-pod -c init-myservice | tail -3
kubectl logs myapp-pod -c myapp-container
