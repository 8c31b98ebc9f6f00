/**
 * Realistic X-Ray segment documents for tests, in the shapes real producers send: the X-Ray SDK
 * for Node.js (string `content_length`), an OpenTelemetry exporter (`aws.ecs.task_arn` …),
 * X-Ray's own inferred segments, an independent subsegment and an orphan.
 */

/** 0x6553f100 = 1700000000: the trace id's epoch part is the trace's start second. */
export const FIXTURE_TRACE_ID = '1-6553f100-3f2a9c1b8e7d6a5b4c3d2e1f';
export const FIXTURE_START = 1_700_000_000;

const at = (ms: number) => FIXTURE_START + ms / 1000;

type Doc = Record<string, unknown>;

/** A minimal valid segment document; override what the test is about. */
export function buildSegmentDocument(overrides: Doc = {}): Doc {
  return {
    trace_id: FIXTURE_TRACE_ID,
    id: 'a000000000000001',
    name: 'web',
    start_time: at(0),
    end_time: at(100),
    ...overrides,
  };
}

/**
 * The checkout trace: `web` (Fargate, OpenTelemetry ECS fields) calls `orders-api` (traced,
 * its segment present, with DynamoDB + X-Ray's inferred DynamoDB segment and a PostgreSQL query)
 * and `payments` (traced, but its segment is missing: a broken hop, 503), then renders in an
 * independent subsegment. An `audit-worker` segment names a parent that is not in the trace.
 */
export function checkoutTraceDocuments(): Doc[] {
  const web = buildSegmentDocument({
    id: 'a000000000000001',
    name: 'web',
    origin: 'AWS::ECS::Container',
    start_time: at(0),
    end_time: at(500),
    fault: true,
    http: {
      request: {
        method: 'GET',
        url: 'https://shop.example.com/checkout',
        client_ip: '203.0.113.7',
        user_agent: 'Mozilla/5.0',
      },
      response: { status: 500, content_length: '1024' },
    },
    aws: {
      ecs: {
        container: 'ip-10-0-1-23.ec2.internal',
        container_id: '4f1c2a9e0b7d',
        task_arn:
          'arn:aws:ecs:us-east-1:123456789012:task/prod-fargate/0a1b2c3d4e5f67890a1b2c3d4e5f6789',
        task_family: 'web',
        cluster_arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod-fargate',
        launch_type: 'FARGATE',
        availability_zone: 'us-east-1a',
      },
      xray: { sdk: 'opentelemetry for js', sdk_version: '1.26.0' },
    },
    annotations: { customer_tier: 'gold', cart_items: 3, beta: false },
    metadata: { default: { cart: { items: [{ sku: 'A1', qty: 1 }] } } },
    subsegments: [
      {
        id: 'b000000000000001',
        name: 'orders-api',
        namespace: 'remote',
        start_time: at(10),
        end_time: at(210),
        http: {
          request: { method: 'POST', url: 'http://orders.internal/orders', traced: true },
          response: { status: 200, content_length: 512 },
        },
      },
      {
        id: 'b000000000000002',
        name: 'payments',
        namespace: 'remote',
        start_time: at(220),
        end_time: at(480),
        fault: true,
        http: {
          request: { method: 'POST', url: 'http://payments.internal/charge', traced: true },
          response: { status: 503 },
        },
        cause: {
          working_directory: '/app',
          exceptions: [
            {
              id: 'e000000000000001',
              message: 'Service Unavailable',
              type: 'HttpError',
              remote: true,
              stack: [{ path: '/app/src/payments.js', line: 42, label: 'charge' }],
            },
          ],
        },
      },
    ],
  });
  const orders = buildSegmentDocument({
    id: 'c000000000000001',
    parent_id: 'b000000000000001',
    name: 'orders-api',
    origin: 'AWS::ECS::Container',
    start_time: at(20),
    end_time: at(200),
    http: {
      request: { method: 'POST', url: 'http://orders.internal/orders' },
      response: { status: 200 },
    },
    // The X-Ray SDK's ECS plugin: container fields only, a long-format container ARN.
    aws: {
      ecs: {
        container: 'orders-7f9c',
        container_arn:
          'arn:aws:ecs:us-east-1:123456789012:container/prod-ec2/9f8e7d6c5b4a39281706f5e4d3c2b1a0/5d1e8c7a-0b2f-4a61-9c3d-7e8f9a0b1c2d',
      },
    },
    subsegments: [
      {
        id: 'd000000000000001',
        name: 'DynamoDB',
        namespace: 'aws',
        start_time: at(30),
        end_time: at(80),
        http: { response: { status: 200, content_length: '87' } },
        aws: {
          operation: 'GetItem',
          region: 'us-east-1',
          request_id: 'Q8P1V7J0M5G2A3K4S6D9F0H1L2Z3X4C5V6B7N8M9',
          table_name: 'orders',
          retries: 0,
        },
      },
      {
        id: 'd000000000000002',
        name: 'orders@db.internal',
        namespace: 'remote',
        start_time: at(90),
        end_time: at(190),
        sql: {
          url: 'jdbc:postgresql://db.internal:5432/orders',
          sanitized_query: 'SELECT * FROM orders WHERE id = ?',
          database_type: 'PostgreSQL',
          database_version: '15.4',
          driver_version: '42.6.0',
          user: 'app',
          preparation: 'prepared',
        },
      },
    ],
  });
  const inferredDynamo = buildSegmentDocument({
    id: 'e100000000000001',
    parent_id: 'd000000000000001',
    name: 'DynamoDB',
    inferred: true,
    origin: 'AWS::DynamoDB::Table',
    start_time: at(31),
    end_time: at(79),
    http: { response: { status: 200 } },
    aws: { operation: 'GetItem', table_name: 'orders' },
  });
  const render = {
    type: 'subsegment',
    trace_id: FIXTURE_TRACE_ID,
    id: 'f000000000000001',
    parent_id: 'a000000000000001',
    name: 'render',
    start_time: at(482),
    end_time: at(498),
  };
  const auditWorker = buildSegmentDocument({
    id: '0a00000000000001',
    parent_id: '9999999999999999',
    name: 'audit-worker',
    start_time: at(300),
    end_time: at(350),
  });
  return [inferredDynamo, orders, render, web, auditWorker];
}

/** The checkout trace's documents as BatchGetTraces sends them: JSON strings. */
export function checkoutTraceStrings(): string[] {
  return checkoutTraceDocuments().map((doc) => JSON.stringify(doc));
}
