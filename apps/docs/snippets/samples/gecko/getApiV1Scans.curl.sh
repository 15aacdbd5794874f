# List scans: one page of completed scans. The defaults call the local mock (`pnpm start`) with
# its test key; set GECKO_BASE_URL=https://app.gecko.security and GECKO_API_KEY to call Gecko.
curl --get --fail-with-body --silent --show-error \
  "${GECKO_BASE_URL:-http://127.0.0.1:4012}/api/v1/scans" \
  --header "X-API-Key: ${GECKO_API_KEY:-gk_test_scans_read}" \
  --data-urlencode 'status=completed' \
  --data-urlencode 'limit=20'
