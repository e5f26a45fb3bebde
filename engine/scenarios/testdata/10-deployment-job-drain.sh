kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.26
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl rollout undo deployment/web
kubectl rollout status deployment/web
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}{"\n"}'
kubectl get rs
kubectl create job pi --image=busybox -- sh -c 'echo 3.14159'
kubectl wait --for=condition=complete job/pi --timeout=60s
kubectl get job pi
kubectl logs job/pi
kubectl get pods -o wide | grep web
kubectl drain node01 --ignore-daemonsets
kubectl get pods -o wide | grep web
