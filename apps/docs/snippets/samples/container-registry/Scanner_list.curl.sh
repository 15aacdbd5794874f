# Scanner.list: one page of an image's scan results (exactly one of imageId or repositoryId).
# The defaults call the local mock (`pnpm start`) with its test token; set
# CONTAINER_REGISTRY_BASE_URL=https://container-registry.api.cloud.yandex.net and IAM_TOKEN to
# call Yandex Cloud.
curl --get --fail-with-body --silent --show-error \
  "${CONTAINER_REGISTRY_BASE_URL:-http://127.0.0.1:4010}/container-registry/v1/scans" \
  --header "Authorization: Bearer ${IAM_TOKEN:-t1.scanapis-test-token}" \
  --data-urlencode 'imageId=crpbbr7fclo5hrasp6nh' \
  --data-urlencode 'pageSize=20'
