#!/usr/bin/env bash
# The one command that runs every check: typecheck, lint, unit tests, the real-broker tests
# (Redis, RabbitMQ, the lecture's Python examples) and the browser tests. Prints one closing line,
# "N passed, N failed", over all of it (also saved to test-results/summary.txt).
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results

bash scripts/install-system-deps.sh || {
  echo "0 passed, 1 failed"
  exit 1
}

passed=0
failed=0
check() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "!! $name failed"
  fi
}

check typecheck npm run -s typecheck
check lint npm run -s lint

echo "== vitest (unit, real, browser)"
rm -f test-results/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
vitest_status=$?
if [ -f test-results/vitest.json ]; then
  read -r vp vf < <(node -e '
    const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
    // Suites that failed to load count as failures too.
    const broken = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + broken);')
  passed=$((passed + vp))
  failed=$((failed + vf))
  if [ "$vitest_status" -ne 0 ] && [ "$vf" -eq 0 ]; then failed=$((failed + 1)); fi
else
  failed=$((failed + 1))
  echo "!! vitest wrote no report"
fi

summary="$passed passed, $failed failed"
echo "$summary" > test-results/summary.txt
echo "$summary"
[ "$failed" -eq 0 ]
