// What the bench sends to each mock: one realistic list request, with the mock's documented credentials.
const mockModule = (api) => new URL(`../../packages/${api}-mock/dist/index.js`, import.meta.url).href;

export async function targets() {
  const gecko = await import(mockModule('gecko'));
  const registry = await import(mockModule('container-registry'));
  const hss = await import(mockModule('hss'));
  return [
    {
      api: 'gecko',
      path: '/api/v1/scans?limit=50',
      headers: { 'x-api-key': gecko.TEST_API_KEY },
    },
    {
      api: 'container-registry',
      path: '/container-registry/v1/images?registryId=crpc9qeoft236r8tpvt7&pageSize=50',
      headers: { authorization: `Bearer ${registry.TEST_TOKEN}` },
    },
    {
      api: 'hss',
      path: `/v5/${hss.TEST_PROJECT_ID}/image/registries/images?limit=50&enterprise_project_id=all_granted_eps`,
      headers: { 'x-auth-token': hss.TEST_TOKEN },
    },
  ];
}

export { mockModule };
