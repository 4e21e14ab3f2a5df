#!/usr/bin/env bash
# Benchmark of the back-to-back evaluation: 100,000 ballots scored and the bulletin rendered, on a fresh embedded
# database. Run after `make build`: bash src/test/bench-evaluation.sh. The budget is 15 s wall after start: the
# run's own time (job start → mailed) is printed by `evaluation run`; the process wall time (JVM start included)
# by time(1).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/bipin.jar
BENCH=target/bench-evaluation
rm -rf "$BENCH" && mkdir -p "$BENCH"
props=(-Dbipin.inbox.dir=$BENCH/inbox -Dbipin.inbox.archive=$BENCH/archive -Dbipin.output.dir=$BENCH/out
       -Dbipin.mail.outbox=$BENCH/outbox "-Dspring.datasource.url=${BENCH_DB_URL:-jdbc:h2:file:./$BENCH/db/bipin;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE}")
B=(java -Xmx512m -XX:TieredStopAtLevel=1 "${props[@]}" -jar $JAR)

echo "== tokens: enterprise 6000, project_owner 2500, leader 2700 (each rates the 9 departments: 11,200 × 9 ≥ 100,000)"
"${B[@]}" evaluation tokens --scheme jinfeng-2024 --group enterprise --count 6000 --out $BENCH/enterprise.csv >/dev/null
"${B[@]}" evaluation tokens --scheme jinfeng-2024 --group project_owner --count 2500 --out $BENCH/project_owner.csv >/dev/null
"${B[@]}" evaluation tokens --scheme jinfeng-2024 --group leader --count 2700 --out $BENCH/leader.csv >/dev/null

echo "== 100,000 ballots in one CSV"
mvn -q -B test-compile >/dev/null
mkdir -p $BENCH/inbox/jinfeng-2024/2024-evaluation/ballots
java -cp target/test-classes cn.bipin.evaluation.BigBallotFiles $BENCH/inbox/jinfeng-2024/2024-evaluation/ballots/ballots.csv \
  100000 fgj,gxj,stj,czj,rsj,nsj,zjj,wlj,scj enterprise=$BENCH/enterprise.csv project_owner=$BENCH/project_owner.csv \
  leader=$BENCH/leader.csv
wc -l $BENCH/inbox/jinfeng-2024/2024-evaluation/ballots/ballots.csv

echo "== evaluation run (ingest → score → bulletin → mail)"
/usr/bin/env time -f "process wall %e s (JVM start included), max RSS %M KB" "${B[@]}" \
  evaluation run --scheme jinfeng-2024 --period 2024 | grep -E "评议运行|评议票"
