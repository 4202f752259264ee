#!/usr/bin/env bash
# The README's end-to-end walk in a real headless browser (Debian's chromium): starts a verification,
# opens the Ralio stand-in's hosted page, chooses "Verified" through the page's own form, and checks
# that the user's view reaches REGULAR. Needs dev mode running (./mvnw quarkus:dev) and
#   apt-get install -y chromium
# BASE (default http://localhost:8080) is the service. Not part of CI: it needs dev mode and a browser.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BASE=${BASE:-http://localhost:8080}
OUT=${OUT:-target/browser-walk}
mkdir -p "$OUT"
BROWSER=$(command -v chromium || command -v chromium-browser || command -v google-chrome) \
  || { echo "no chromium: apt-get install -y chromium" >&2; exit 2; }
browser() {
  "$BROWSER" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --virtual-time-budget=15000 "$@" 2>/dev/null
}

USER_ID=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen | tr 'A-Z' 'a-z')
TOKEN=$(java dev/DevToken.java "$USER_ID")

started=$(curl -fsS -X POST "$BASE/users/$USER_ID/identity-verifications" -H "Authorization: Bearer $TOKEN")
hosted=$(printf '%s' "$started" | sed -n 's/.*"hostedUrl":"\([^"]*\)".*/\1/p')
[ -n "$hosted" ] || { echo "no hostedUrl in: $started" >&2; exit 1; }
echo "user $USER_ID, hosted page $hosted"

browser --window-size=1000,700 --screenshot="$OUT/hosted-page.png" "$hosted" >/dev/null
browser --dump-dom "$hosted" > "$OUT/hosted-page.html"
grep -q 'value="verified"' "$OUT/hosted-page.html" || { echo "the hosted page offers no choice" >&2; exit 1; }

# The page clicks its own "Verified" button when the address ends in #choose=verified.
browser --dump-dom "$hosted#choose=verified" > "$OUT/delivered.html"
grep -o '<li>[^<]*</li>' "$OUT/delivered.html" | sed 's/<[^>]*>//g'
grep -q 'kyc_state_updated → HTTP 200' "$OUT/delivered.html" || { echo "webhooks not delivered; see $OUT/delivered.html" >&2; exit 1; }

view=$(curl -fsS "$BASE/users/$USER_ID/kyc" -H "Authorization: Bearer $TOKEN")
echo "$view" | grep -q '"level":"REGULAR"' || { echo "the view is not REGULAR: $view" >&2; exit 1; }
echo "OK: the user's view is REGULAR (screenshot of the hosted page: $OUT/hosted-page.png)"
