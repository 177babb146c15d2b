#!/usr/bin/env bash
# `npm test`: everything, in the order a failure is cheapest to find. Works on a fresh machine:
# it installs Debian's Chromium (and CJK fonts for readable screenshots) when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-output

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || ! fc-list 2>/dev/null | grep -qi 'noto.*cjk'; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's chromium and fonts-noto-cjk for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  elif [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    echo "Browser tests need Chromium: run 'sudo apt-get install -y chromium fonts-noto-cjk' (or set CHROMIUM_PATH) and try again." >&2
    exit 1
  fi
fi

echo "== typecheck";  npx tsc --noEmit -p tsconfig.json
echo "== lint";       npx eslint . --max-warnings=0 && npx prettier --check . --log-level warn
echo "== unit and integration"
npx jest --json --outputFile=test-output/jest-unit.json
echo "== weapp build, cloud functions, package budgets"
npm run -s build:weapp >test-output/build-weapp.log 2>&1 || { tail -50 test-output/build-weapp.log; exit 1; }
npx tsx scripts/size.ts
echo "== WeChat platform: weapp pages in WeChat's view engine, function bundles under wx-server-sdk"
npx jest -c jest.platform.config.js --json --outputFile=test-output/jest-platform.json
echo "== e2e in Chromium (H5 build against the local host)"
npx tsx -e "require('./scripts/host/h5-build').buildH5IfStale(process.cwd())"
npx jest -c jest.e2e.config.js --json --outputFile=test-output/jest-e2e.json
echo "   screenshots: test-output/screenshots/"

node -e '
const r = ["unit", "platform", "e2e"].map((k) => require("./test-output/jest-" + k + ".json"));
const passed = r.reduce((n, x) => n + x.numPassedTests, 0);
const failed = r.reduce((n, x) => n + x.numFailedTests, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
'
