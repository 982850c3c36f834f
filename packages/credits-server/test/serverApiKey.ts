/** The Server API key the tests start credits-server (and credits-msw) with: a test secret. */
export const TEST_API_KEY = 'sk_test_credits_server_tests_key_0001';

/** `POST /server/accounts/{account}/usage` with the secret key: the host's backend metering. */
export const postUsage = (baseUrl: string, account: string, key: string, body: unknown) =>
  fetch(`${baseUrl}/server/accounts/${encodeURIComponent(account)}/usage`, {
    method: 'POST',
    headers: {
      'X-Api-Key': TEST_API_KEY,
      'Content-Type': 'application/json',
      'Idempotency-Key': key,
    },
    body: JSON.stringify(body),
  });
