#!/usr/bin/env bash
# Lints the OpenAPI document the build wrote (target/openapi/openapi.json, from ./mvnw package or
# verify) with Redocly's recommended rules, warnings counted as errors (redocly.yaml). Needs npx.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

REDOCLY_CLI=@redocly/cli@2.77.0
DOCUMENT=target/openapi/openapi.json

if [ ! -f "$DOCUMENT" ]; then
  echo "openapi-lint: $DOCUMENT is missing; run ./mvnw -B package first" >&2
  exit 1
fi
npx --yes "$REDOCLY_CLI" lint --config redocly.yaml "$DOCUMENT"
