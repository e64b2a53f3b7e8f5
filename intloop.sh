cd /tmp/fh
for i in $(seq 1 12); do
  rm -rf ko; cp -a ko_old ko
  d=$(python3 -c "import random; print(round(random.uniform(0.5, 2.2),3))")
  PYTHONPATH=/work/fixH/src /work/main/.venv/bin/python -m helpers extract kc --out ko --no-cache > int.out 2> int.err &
  pid=$!
  sleep $d; kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null; rc=$?
  state=""
  for f in articles entities load_report milestones; do
    s=$(md5sum ko/$f.csv 2>/dev/null | cut -d' ' -f1)
    if grep -q "$s  $f.csv" old.md5; then state="$state O"; elif grep -q "$s  $f.csv" new.md5; then state="$state N"; else state="$state TORN($f)"; fi
  done
  echo "$d rc=$rc:$state err=$(tr '\n' '|' < int.err | cut -c1-150) left=$(ls -A ko | tr '\n' ' ')"
done
