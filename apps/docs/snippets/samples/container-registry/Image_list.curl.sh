# Image.list: one page of a registry's images. The defaults call the local mock (`pnpm start`)
# with its test token; set CONTAINER_REGISTRY_BASE_URL=https://container-registry.api.cloud.yandex.net
# and IAM_TOKEN to call Yandex Cloud.
curl --get --fail-with-body --silent --show-error \
  "${CONTAINER_REGISTRY_BASE_URL:-http://127.0.0.1:4010}/container-registry/v1/images" \
  --header "Authorization: Bearer ${IAM_TOKEN:-t1.scanapis-test-token}" \
  --data-urlencode 'registryId=crpc9qeoft236r8tpvt7' \
  --data-urlencode 'pageSize=20'
