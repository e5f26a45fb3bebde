mkdir -p work/sub/deep work/empty
cd work
printf 'alpha 3\nbeta 10\ngamma 2\nalpha 7\nDelta 1\n' > data.txt
printf 'NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\nweb-2 0/1 CrashLoopBackOff 4 5m\ndb-0 1/1 Running 1 2d\njob-x 0/1 Completed 0 1h\n' > pods.txt
printf 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n' > passwd
printf 'b\na\nc\na\nb\nb\n' > letters
printf 'no newline at end' > nonl
printf '10\n9\n100\n-1\n1.5\n' > nums
printf 'one\ttwo\tthree\nfour\tfive\tsix\n' > tabs.tsv
printf 'x\n' > sub/a.yaml
printf 'y\n' > sub/b.yaml
printf 'z\n' > sub/deep/c.yaml
printf 'key: value\n' > sub/c.txt
: > empty.txt
