#!/usr/bin/env bash
# `make bench` (issues #2 and #19): Bipin against its own in-repo baselines on generated data, on this machine, in one
# run. Numbers go to the README and the closing note, never to tests. Each step prints its detail; every figure that
# belongs in the summary is a line `TABLE|what|Bipin|reference in the same run|ratio` (the Java benches print theirs),
# collected in $BENCH/table.txt and printed as one table at the end with the load average and the machine.
#  1. the demo monthly run, wall time with JVM start, on a fresh embedded database;
#  2. ingesting two 100,000-row submissions (.xlsx and CSV) with the heap capped at 256 MB;
#  2b. ingest's per-row path against a plain JDBC batch insert of the same records (H2; MariaDB when reachable);
#  2c. generated months of 14, 150 and 1,500 units started as `make month` starts them, 3 rounds each;
#  3. status, as `make status` starts it.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/bipin.jar
BENCH=target/bench
ROUNDS=${ROUNDS:-3}
rm -rf "$BENCH" && mkdir -p "$BENCH"
TABLE=$BENCH/table.txt
# h2 DIR: the embedded database under DIR/db, as application.yml opens it
h2() { echo "jdbc:h2:file:./$1/db/bipin;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE"; }
CP="target/test-classes:target/classes:target/app/lib/*"
props=(-Dbipin.inbox.dir=$BENCH/inbox -Dbipin.inbox.archive=$BENCH/archive -Dbipin.output.dir=$BENCH/out
       -Dbipin.mail.outbox=$BENCH/outbox "-Dspring.datasource.url=$(h2 $BENCH);DB_CLOSE_ON_EXIT=FALSE")

# row WHAT BIPIN REFERENCE RATIO: one line of the summary table
row() { echo "TABLE|$1|$2|$3|$4" >> "$TABLE"; echo "  → $1: $2${3:+ (against $3)}${4:+, ratio $4}"; }
# median and min of numbers (one per line on stdin): "median X s (min Y)"
medmin() { sort -g | awk '{ v[NR] = $1 } END { printf "%s %s", v[int((NR + 1) / 2)], v[1] }'; }
# peak heap before a GC and peak live heap after one, MB, from a -Xlog:gc file
heap() { awk 'match($0, /([0-9]+)M->([0-9]+)M\(([0-9]+)M\)/, m) { if (m[1] + 0 > b) b = m[1] + 0; if (m[2] + 0 > a) a = m[2] + 0 }
              END { printf "%d %d", b, a }' "$1"; }
load() { cut -d" " -f1-3 /proc/loadavg; }
# step NAME: whether to run that step (ONLY=2c,3 make bench runs only those; default all; 3 needs 2c)
step() { [ -z "${ONLY:-}" ] || [[ ",$ONLY," == *",$1,"* ]]; }
# jbench JAVA-ARGS...: a Java bench (main class in src/test/java/cn/bipin/bench); its TABLE lines join the summary,
# its other lines are shown but for log lines (all of it, logs too, when it fails)
jbench() {
  java "$@" > "$BENCH/jbench.txt" 2>&1 || { cat "$BENCH/jbench.txt"; return 1; }
  grep -v -e '^TABLE|' -e '^[0-9:.]* \[' "$BENCH/jbench.txt" || true
  grep '^TABLE|' "$BENCH/jbench.txt" | tee -a "$TABLE" | awk -F'|' '{ print "  → " $2 ": " $3 ($4 != "" ? " (against " $4 ")" : "") ($5 != "" ? ", ratio " $5 : "") }'
}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1); load $(load)"

if step 1; then
echo "== 1. demo monthly run (seed + run 2024-06), fresh database, JVM start included"
/usr/bin/env time -f "wall %e s, max RSS %M KB" java -Xmx512m "${props[@]}" -jar $JAR demo >/dev/null
echo "== 1b. next month (2024-07) in a new JVM"
/usr/bin/env time -f "wall %e s, max RSS %M KB" java -Xmx512m "${props[@]}" -jar $JAR run monthly --scheme jinfeng-2024 --period 2024-07 >/dev/null

fi

if step 2; then
echo "== 2. 100,000-row .xlsx + 100,000-row CSV into 2024-08, -Xmx256m"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=$BENCH/cp.txt >/dev/null
java -cp "target/test-classes:target/classes:$(cat $BENCH/cp.txt)" cn.bipin.bench.BigSubmissionFiles \
  jobs/jinfeng-2024.yaml 2024-08 $BENCH/inbox 100000
/usr/bin/env time -f "wall %e s, max RSS %M KB" java -Xmx256m -Xlog:gc:file=$BENCH/gc.log "${props[@]}" -jar $JAR \
  run monthly --scheme jinfeng-2024 --period 2024-08 --no-mail | grep -E "运行 #|数据行"
read -r peak live <<< "$(heap $BENCH/gc.log)"
echo "heap: peak before GC $peak MB, peak live after GC $live MB (cap 256 MB)"

fi

if step 2b; then
echo "== 2b. ingest per-row path (validator + SubmissionRows.insert) vs a plain JDBC batch insert, same records, same database"
uptime
ingest() { jbench -Xmx256m -cp "$CP" cn.bipin.bench.IngestBench jobs/jinfeng-2024.yaml 2024-08 "$@"; }
ingest 100000 1000 "$(h2 $BENCH/ingest)" h2
if mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS bipin_bench_ingest; CREATE DATABASE bipin_bench_ingest" 2>/dev/null; then
  ingest 100000 1000 "jdbc:mariadb://127.0.0.1:3306/bipin_bench_ingest" mariadb
else
  echo "(MariaDB at 127.0.0.1:3306 not reachable: skipped)"
fi

fi

if step 2c; then
echo "== 2c. generated months: N units (a third towns), two monthly competitions of three dimensions, every unit sends"
echo "   one CSV; started as \`make month\` starts them (its JIT chosen by the inbox's size), $ROUNDS rounds, each on a copy of a migrated database"
# month UNITS ROUND [make variables...]: one round in $BENCH/province-UNITS/rROUND; prints "wall cpu rss_mb peak live"
month() {
  local units=$1 r=$2; shift 2
  local G=$BENCH/province-$units P=$BENCH/province-$units/r$r
  rm -rf "$P" && mkdir -p "$P" && cp -r "$G/seed/jobs" "$G/seed/inbox" "$G/seed/db" "$P/"
  BIPIN_DB_URL="$(h2 "$P")" \
    /usr/bin/env time -o "$P/time" -f "%e %U %S %M" make -s month SCHEME=province-2024 PERIOD=2024-06 MAIL=no INBOX=$P/inbox \
    JAVA_OPTS="-Xmx512m -Dspring.main.lazy-initialization=true -Xlog:gc:file=$P/gc.log -Dbipin.jobs-dir=$P/jobs \
    -Dbipin.inbox.dir=$P/inbox -Dbipin.inbox.archive=$P/archive -Dbipin.output.dir=$P/out -Dbipin.mail.outbox=$P/outbox \
    ${JIT_EXTRA:-}" "$@" > "$P/out.txt" 2>&1 \
    || { echo "  run failed ($P):"; tail -20 "$P/out.txt"; exit 1; } >&2
  # "✔ 生成榜单（PDF、Excel、CSV）（10.9 秒）" → "生成榜单（PDF、Excel、CSV）|10.9" (a step's name may hold brackets)
  sed -n 's/.*✔ \(.*\)（\([0-9.]*\) 秒.*/\1|\2/p' "$P/out.txt" > "$P/steps"
  read -r wall user sys rss < "$P/time"
  echo "$wall $(echo "$user + $sys" | bc) $((rss / 1024)) $(heap "$P/gc.log")"
}
# months UNITS LABEL [make variables...]: ROUNDS rounds; sets M_WALL (median), M_LINE (the table's Bipin cell)
months() {
  local units=$1 label=$2; shift 2
  local f=$BENCH/province-$units/$label.txt; : > "$f"
  for r in $(seq "$ROUNDS"); do month "$units" "$r" "$@" >> "$f"; done
  read -r M_WALL wmin <<< "$(cut -d" " -f1 "$f" | medmin)"
  local cpu rss peak live
  cpu=$(cut -d" " -f2 "$f" | medmin | cut -d" " -f1); rss=$(cut -d" " -f3 "$f" | sort -n | tail -1)
  peak=$(cut -d" " -f4 "$f" | sort -n | tail -1); live=$(cut -d" " -f5 "$f" | sort -n | tail -1)
  M_LINE="${M_WALL} s (min $wmin), CPU $cpu s, RSS ≤ $rss MB, heap peak $peak / live $live MB"
  echo "  $units units, $label: $M_LINE (load $(load))"
}
for units in 14 150 1500; do
  java -cp "$CP" cn.bipin.bench.ProvinceMonth "$BENCH/province-$units/seed" "$units" >/dev/null
  # a migrated database, as a monthly run finds it (status on a new database starts the application, which migrates)
  BIPIN_DB_URL="$(h2 "$BENCH/province-$units/seed")" make -s status >/dev/null
  jit=$( [ "$(du -sk --apparent-size "$BENCH/province-$units/seed/inbox/province-2024/2024-06" | cut -f1)" -lt 2048 ] && echo "C1-only" || echo "default JIT")
  months "$units" make
  case $units in
    14) base=$M_WALL; row "monthly run, 14 units (make month: $jit)" "$M_LINE" "" "" ;;
    150) row "monthly run, 150 units (make month: $jit)" "$M_LINE" "14 units: $base s" "$(echo "scale=1; $M_WALL / $base" | bc)×" ;;
    1500)
      big=$M_WALL
      row "monthly run, 1,500 units (make month: $jit)" "$M_LINE" "target ≤ 15 s, RSS ≤ 512 MB; 14 units: $base s" \
        "$(echo "scale=1; $M_WALL / $base" | bc)×"
      # the median round's steps: feedback sheets and the bulletin
      mid=$(awk '{ print NR, $1 }' "$BENCH/province-1500/make.txt" | sort -k2 -g | awk -v n="$ROUNDS" 'NR == int((n + 1) / 2) { print $1 }')
      R=$BENCH/province-1500/r$mid
      sed 's/^/    /; s/|/: /; s/$/ s/' "$R/steps"
      fb=$(grep "^生成各单位反馈表|" "$R/steps" | cut -d"|" -f2)
      bl=$(grep "^生成榜单" "$R/steps" | cut -d"|" -f2)
      pdf=$(find "$R/out" -name "*晾晒榜单*.pdf" | head -1)
      pages=$(grep -ac "/Type/Page\b" "$pdf" || true)
      row "… of which feedback sheets (1,500 workbooks)" "$fb s ($(echo "scale=1; $fb * 1000 / 1500" | bc) ms a unit)" "" ""
      row "… of which bulletin: PDF ($pages pages), Excel, CSV" "$bl s ($(echo "scale=0; $pages / $bl" | bc) pages/s)" \
        "target ≥ 100 pages/s" ""
      ;;
  esac
done
echo "   the JIT make month did not choose, for comparison (item 4: a run never pays C1's price on a big inbox)"
months 14 default-jit SMALL_INBOX_KB=0
row "JIT, 14-unit month" "C1-only (make month's choice, inbox < 2 MB): $base s" "default JIT: $M_WALL s" \
  "$(printf "%.2f" "$(echo "scale=3; $base / $M_WALL" | bc)")"
JIT_EXTRA=-XX:TieredStopAtLevel=1 months 1500 c1-only
row "JIT, 1,500-unit month" "default JIT (make month's choice, inbox ≥ 2 MB): $big s" "C1-only: $M_WALL s" \
  "$(printf "%.2f" "$(echo "scale=3; $big / $M_WALL" | bc)")"

fi

if step 3; then
echo "== 3. status as \`make status\` starts it (C1-only, unpacked jar, class-data-sharing archive), on the 1,500-unit database"
S=$BENCH/province-1500/r1
[ -d "$S/db" ] || { echo "step 3 reads step 2c's 1,500-unit database: run it with ONLY=2c,3" >&2; exit 1; }
for i in $(seq 5); do
  BIPIN_DB_URL="$(h2 "$S")" /usr/bin/env time -a -o "$BENCH/status.txt" -f "%e %M" make -s status >/dev/null
done
read -r med min <<< "$(cut -d" " -f1 "$BENCH/status.txt" | medmin)"
row "make status (5 starts)" "$med s (min $min), RSS ≤ $(( $(cut -d" " -f2 "$BENCH/status.txt" | sort -n | tail -1) / 1024 )) MB" "target ≤ 1.5 s" ""

fi

echo
echo "== summary ($(date -u +%FT%TZ); $(nproc) cores; load average at the end $(load); medians of $ROUNDS rounds unless said)"
echo "| what | Bipin | reference in the same run | ratio |"
echo "|---|---|---|---|"
sed 's/^TABLE//; s/|/ | /g; s/^ //; s/$/ |/' "$TABLE"
