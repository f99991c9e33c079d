#!/usr/bin/env bash
# The whole test suite: unit, integration (PGlite, plus PostgreSQL when TEST_DATABASE_URL is
# set), HTTP against the built app, and the browser suite when Playwright tests exist.
# Prints each stage's wall time as it ends ("-- <stage>: 83 s"), a line per failed test
# ("FAILED <stage> <file> > <test>: <message>"), a summary of the times, then one closing
# line: "N passed, N failed".
# TEST_STAGES picks stages (default: "unit integration http e2e"); .ci/run uses it to run the
# unit suite a second time on another Node version. `npm run build` runs only for the stages
# that need the built app, http and e2e (or when "build" is listed): its views first, then the
# app in the background while the unit and integration suites run (the build leaves a core
# idle for a third of its time; the suites don't read what it writes).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
out=$(mktemp -d)
# Node's compiled-code cache for the app processes the HTTP and browser suites start (dozens):
# Next and its chunks are compiled once per run instead of once per app (Node 22.1+).
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-$out/node-compile-cache}"
passed=0; failed=0; status=0; no_report=""
stages=" ${TEST_STAGES:-unit integration http e2e} "
want() { [[ "$stages" == *" $1 "* ]]; }
echo "node $(node --version); stages:${stages% }"

timings=""
stage_start() { stage_t0=$SECONDS; echo "== $1"; }
stage_end() { # name
  local s=$((SECONDS - stage_t0))
  echo "-- $1: ${s} s"
  timings+="$1 ${s} s; "
}

run_vitest() { # name
  local name=$1
  npx vitest run --project "$name" --reporter=default --reporter=json --outputFile.json="$out/$name.json" 2>&1 | tee "$out/$name.log"
  local rc=${PIPESTATUS[0]}
  if [ -f "$out/$name.json" ]; then
    read -r p f < <(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTests ?? 0))' "$out/$name.json")
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
  else
    # Vitest itself died (a crash of its process, a signal): no report, so say so at the end.
    local why
    why=$(grep -m1 -E 'Fatal error|Check failed|Segmentation fault|Aborted|out of memory' "$out/$name.log")
    no_report+="FAILED $name: vitest exited with code $rc and wrote no report${why:+ ($why)}"$'\n'
    failed=$((failed + 1))
  fi
  [ "$rc" -eq 0 ] || status=1
}

built=1
if want http || want e2e; then
  # One migrated embedded database (`npm run db:migrate` on an empty data directory) that every
  # app the HTTP and browser suites start on a fresh data directory copies instead of migrating
  # its own (tests/helpers/app-server.ts; the browser suite's own app still migrates its own, as a
  # fresh install does). Made while the app builds.
  template_root="$out/pglite-template"
  (DATA_DIR="$template_root" DATABASE_URL="" NODE_ENV=production LOG_LEVEL=warn npm run --silent db:migrate > "$out/template.log" 2>&1) &
  template_pid=$!
fi
if want build || want http || want e2e; then
  # `npm run build` in two parts: the views, which the unit and integration suites import, before
  # they start; then the app, in the background while they run (the build alone leaves a core
  # idle for a third of its time, and the suites read nothing it writes).
  views_t0=$SECONDS
  if npm run --silent build:views > "$out/build.log" 2>&1; then
    views_s=$((SECONDS - views_t0))
    (t0=$SECONDS; npm run build:app >> "$out/build.log" 2>&1; rc=$?; echo "$((SECONDS - t0)) $rc" > "$out/build.result") &
    build_pid=$!
  else
    views_s=$((SECONDS - views_t0)); echo "0 1" > "$out/build.result"
  fi
fi

for project in unit integration; do
  want "$project" || continue
  stage_start "$project"
  run_vitest "$project"
  stage_end "$project"
done

if [ -n "${views_s:-}" ]; then
  echo "== build"
  wait_t0=$SECONDS
  [ -z "${build_pid:-}" ] || wait "$build_pid"
  # No result when the background build was killed: a failed build.
  read -r app_s build_rc < "$out/build.result" 2>/dev/null || { app_s=0; build_rc=1; }
  if [ "$build_rc" -eq 0 ]; then
    tail -n 5 "$out/build.log"
  else
    # Counted as one failure; the suites that need the built app are not run.
    cat "$out/build.log"; failed=$((failed + 1)); status=1; built=0
  fi
  # The build's own wall time; all but the views ran beside the suites above.
  echo "-- build: $((views_s + app_s)) s (views ${views_s} s, then the app beside the suites; waited $((SECONDS - wait_t0)) s for it after them)"
  timings+="build $((views_s + app_s)) s (waited $((SECONDS - wait_t0)) s); "
fi
if [ -n "${template_pid:-}" ]; then
  if wait "$template_pid"; then
    export PIXOLA_TEST_PGLITE_TEMPLATE="$template_root/pglite"
  else
    # Not a test failure: each app then migrates its own database, as a fresh install does.
    echo "npm run db:migrate failed; the apps under test migrate their own databases:"; cat "$out/template.log"
  fi
fi

if want http && [ "$built" -eq 1 ]; then
  stage_start http
  run_vitest http
  stage_end http
fi

if want e2e && [ "$built" -eq 1 ] && compgen -G "tests/e2e/*.spec.ts" > /dev/null; then
  stage_start e2e
  PLAYWRIGHT_JSON_OUTPUT_FILE="$out/e2e.json" npx playwright test --reporter=list,json
  rc=$?
  read -r p f < <(node -e '
    try { const r = require(process.argv[1]); console.log(r.stats.expected, r.stats.unexpected + r.stats.flaky) } catch { console.log(0, 1) }' "$out/e2e.json")
  passed=$((passed + p)); failed=$((failed + f))
  # A run that failed without a failed test (web server did not start, config error) still counts.
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
  [ "$rc" -eq 0 ] || status=1
  stage_end e2e
fi

# What failed, a line each, so the end of a long log names it (.ci/run repeats these lines).
[ "$built" -eq 1 ] || echo "FAILED build: npm run build (its log is printed above)"
printf '%s' "$no_report"
node scripts/list-failures.mjs "$out"/*.json
echo "wall time: ${timings}total ${SECONDS} s"
echo "${passed} passed, ${failed} failed"
exit $status
