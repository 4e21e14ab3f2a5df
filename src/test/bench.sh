#!/usr/bin/env bash
# Benchmarks of issue #2, run by `make bench` after `make build` (numbers go to the closing note, not to tests):
#  1. the demo monthly run, wall time with JVM start, on a fresh embedded database;
#  2. ingesting two 100,000-row submissions (.xlsx and CSV) with the heap capped at 256 MB;
#  2b. ingest's per-row path against a plain JDBC batch insert of the same records (H2; MariaDB when reachable);
#  2c. a generated province-sized month (150 and 1,500 units), step by step, wall and CPU;
#  3. status.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/bipin.jar
BENCH=target/bench
rm -rf "$BENCH" && mkdir -p "$BENCH"
props=(-Dbipin.inbox.dir=$BENCH/inbox -Dbipin.inbox.archive=$BENCH/archive -Dbipin.output.dir=$BENCH/out
       -Dbipin.mail.outbox=$BENCH/outbox "-Dspring.datasource.url=jdbc:h2:file:./$BENCH/db/bipin;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE")

echo "== 1. demo monthly run (seed + run 2024-06), fresh database, JVM start included"
/usr/bin/env time -f "wall %e s, max RSS %M KB" java -Xmx512m "${props[@]}" -jar $JAR demo >/dev/null
echo "== 1b. next month (2024-07) in a new JVM"
/usr/bin/env time -f "wall %e s, max RSS %M KB" java -Xmx512m "${props[@]}" -jar $JAR run monthly --scheme jinfeng-2024 --period 2024-07 >/dev/null

echo "== 2. 100,000-row .xlsx + 100,000-row CSV into 2024-08, -Xmx256m"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=$BENCH/cp.txt >/dev/null
java -cp "target/test-classes:target/classes:$(cat $BENCH/cp.txt)" cn.bipin.bench.BigSubmissionFiles \
  jobs/jinfeng-2024.yaml 2024-08 $BENCH/inbox 100000
/usr/bin/env time -f "wall %e s, max RSS %M KB" java -Xmx256m -Xlog:gc:file=$BENCH/gc.log "${props[@]}" -jar $JAR \
  run monthly --scheme jinfeng-2024 --period 2024-08 --no-mail | grep -E "运行 #|数据行"
awk 'match($0, /([0-9]+)M->([0-9]+)M\(([0-9]+)M\)/, m) { if (m[1] > before) before = m[1]; if (m[2] > after) after = m[2] } END { print "heap: peak before GC " before " MB, peak live after GC " after " MB (cap 256 MB)" }' $BENCH/gc.log

echo "== 2b. ingest per-row path (validator + SubmissionRows.insert) vs a plain JDBC batch insert, same records, same database"
uptime
ingest() { java -Xmx256m -cp "target/test-classes:target/classes:target/app/lib/*" cn.bipin.bench.IngestBench \
  jobs/jinfeng-2024.yaml 2024-08 "$@" 2>&1 | grep -E "^ingest|Exception"; }
ingest 100000 1000 "jdbc:h2:file:./$BENCH/ingest/bipin;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE" h2
if mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS bipin_bench_ingest; CREATE DATABASE bipin_bench_ingest" 2>/dev/null; then
  ingest 100000 1000 "jdbc:mariadb://127.0.0.1:3306/bipin_bench_ingest" mariadb
else
  echo "(MariaDB at 127.0.0.1:3306 not reachable: skipped)"
fi

echo "== 2c. a generated province-sized month: N units, two monthly competitions of three dimensions, every unit submits"
for units in 150 1500; do
  P=$BENCH/province-$units
  java -cp "target/test-classes:target/classes:target/app/lib/*" cn.bipin.bench.ProvinceMonth $P $units
  uptime
  /usr/bin/env time -f "  $units units: wall %e s, CPU %U s user + %S s sys, max RSS %M KB" java -Xmx512m \
    -XX:SharedArchiveFile=target/app/bipin.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dbipin.jobs-dir=$P/jobs -Dbipin.inbox.dir=$P/inbox -Dbipin.inbox.archive=$P/archive -Dbipin.output.dir=$P/out \
    -Dbipin.mail.outbox=$P/outbox "-Dbipin.db.url=jdbc:h2:file:./$P/db/bipin;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE" \
    -jar target/app/bipin.jar run monthly --scheme province-2024 --period 2024-06 --no-mail 2>&1 | grep -E "✔|用时"
done

echo "== 3. status, JVM start included (make status: unpacked jar + class-data-sharing archive)"
make -s build >/dev/null
for i in 1 2 3; do /usr/bin/env time -f "wall %e s, max RSS %M KB" make -s status >/dev/null; done
