#!/usr/bin/env bash
# Generates TypeScript types from the OpenAPI document (openapi-typescript) and compiles, with
# tsc --strict, every real response body the test suite received (target/api-samples, written by
# support/contract/ApiSamples) typed as the generated client would type it. A null where the
# document says string, a missing required field or a field the document does not name fails.
# Needs npx; run after ./mvnw -B verify (or package after test).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

OPENAPI_TYPESCRIPT=openapi-typescript@7.13.0
TYPESCRIPT=typescript@5.9.3
DOCUMENT=target/openapi/openapi.json
SAMPLES=target/api-samples
OUT=target/api-client

for needed in "$DOCUMENT" "$SAMPLES"; do
  if [ ! -e "$needed" ]; then
    echo "openapi-client-check: $needed is missing; run ./mvnw -B verify first" >&2
    exit 1
  fi
done
rm -rf "$OUT" && mkdir -p "$OUT"
npx --yes "$OPENAPI_TYPESCRIPT" "$DOCUMENT" -o "$OUT/api.ts"
node tools/openapi-client/samples-to-ts.mjs "$SAMPLES" > "$OUT/samples.ts"
cp tools/openapi-client/tsconfig.json "$OUT/"
npx --yes -p "$TYPESCRIPT" tsc -p "$OUT/tsconfig.json"
echo "openapi-client-check: $(grep -c '^const ' "$OUT/samples.ts") real bodies compile against the generated types"
