ssh node01
cat > /etc/kubernetes/manifests/static-web.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: static-web
spec:
  containers:
  - name: web
    image: nginx
YAML
exit
sleep 10
kubectl get pods -o wide
ssh node01 rm /etc/kubernetes/manifests/static-web.yaml
sleep 5
kubectl get pods
