# ListRegistryImages: one page of a project's repository images, with an IAM token. The defaults
# call the local mock (`pnpm start`) with its test token and project; set
# HSS_BASE_URL=https://hss.ap-southeast-1.myhuaweicloud.com, HSS_TOKEN and HSS_PROJECT_ID to call
# Huawei Cloud.
curl --get --fail-with-body --silent --show-error \
  "${HSS_BASE_URL:-http://127.0.0.1:4011}/v5/${HSS_PROJECT_ID:-2b8f0e5a9c3d4e6f8a1b2c3d4e5f6a7b}/image/registries/images" \
  --header "X-Auth-Token: ${HSS_TOKEN:-hss-test-token}" \
  --data-urlencode 'limit=20'
