// The load segment the X-Ray daemon load script and the simulator benchmark both send.

/**
 * One segment of about 1 KB, shaped like what an instrumented ECS service sends: four services
 * per trace, every 50th a fault, with HTTP, ECS and DynamoDB details. `now` in epoch seconds.
 */
export function loadSegment(i, now = Date.now() / 1000) {
  const trace = `1-${Math.floor(now).toString(16)}-${(Math.floor(i / 4) + 1).toString(16).padStart(24, '0')}`;
  return JSON.stringify({
    name: ['web', 'api', 'worker', 'checkout'][i % 4],
    id: (i + 1).toString(16).padStart(16, '0'),
    trace_id: trace,
    ...(i % 4 === 0 ? {} : { parent_id: (i - (i % 4) + 1).toString(16).padStart(16, '0') }),
    start_time: now - 0.05,
    end_time: now,
    origin: 'AWS::ECS::Container',
    http: {
      request: {
        method: 'GET',
        url: `https://shop.example.com/products/${i}`,
        client_ip: '192.0.2.10',
      },
      response: { status: i % 50 === 0 ? 500 : 200, content_length: 1234 },
    },
    ...(i % 50 === 0 ? { fault: true } : {}),
    aws: {
      ecs: {
        container: 'ip-10-0-1-23',
        container_id: 'f'.repeat(64),
        container_arn:
          'arn:aws:ecs:us-east-1:000000000000:container/prod-ec2/0123456789abcdef0123456789abcdef/00000000-0000-4000-a000-000000000000',
      },
      xray: { sdk: 'X-Ray for Node.js', sdk_version: '3.10.1' },
    },
    annotations: { route: '/products/{id}', load_test: true },
    metadata: { default: { padding: 'x'.repeat(300) } },
    subsegments: [
      {
        id: (i + 1).toString(16).padStart(15, '0') + 'a',
        name: 'DynamoDB',
        namespace: 'aws',
        start_time: now - 0.04,
        end_time: now - 0.01,
      },
    ],
  });
}
