#!/usr/bin/env bash
# Compares the demo year's scores/totals CSVs of two commits: each is cloned fresh, `make demo-year` runs in it, and
# every scores-*.csv and totals-*.csv under data/out is diffed. Used to prove a change left every published number alone.
# usage: bash src/test/demo-csv.sh <commit-before> <commit-after> [work-dir]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
before=$1; after=$2; work=${3:-$(mktemp -d)}
for c in "$before" "$after"; do
  dir="$work/$c"
  rm -rf "$dir"; git clone -q "$repo" "$dir"; git -C "$dir" checkout -q "$c"
  (cd "$dir" && make demo-year >demo.log 2>&1) || { echo "make demo-year failed at $c (see $dir/demo.log)"; exit 1; }
  mkdir -p "$dir/csv"
  (cd "$dir" && find data/out \( -name 'scores-*.csv' -o -name 'totals-*.csv' \) | while read -r f; do cp "$f" "csv/$(echo "$f" | tr '/' '_')"; done)
done
if diff -r "$work/$before/csv" "$work/$after/csv"; then
  echo "CSV IDENTICAL: $(ls "$work/$after/csv" | wc -l) files"
else
  echo "CSV DIFFER"; exit 1
fi
