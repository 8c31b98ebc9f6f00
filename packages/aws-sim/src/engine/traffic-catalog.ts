import type { Random } from './random.js';

// What the demo's shop is made of: the pages people ask the ALB-fronted `web` service for, the
// `api` calls behind them, and how each can go wrong. Probabilities are per request.

export type Call =
  | { kind: 'dynamodb'; operation: string; table: string }
  | { kind: 'sql'; query: string }
  | { kind: 'payment' };

export type Outcome =
  | 'ok'
  /** 429 from web's own rate limiter, before any api call. */
  | 'edgeThrottle'
  | 'notFound'
  | 'badRequest'
  /** DynamoDB kept throttling through the SDK's retries: api answers 429. */
  | 'dynamoThrottle'
  /** The payment provider said 429 once; the retry went through. */
  | 'paymentThrottle'
  | 'paymentDown'
  | 'sqlTimeout'
  /** An unhandled exception in web. */
  | 'webBug'
  /** The api task died mid-request: its segment stays in progress forever, web answers 504. */
  | 'apiCrash'
  /** A call stalls for 15–40 s: in-progress segments appear, then complete. */
  | 'slow';

export interface Route {
  method: 'GET' | 'POST';
  /** The route template, annotated as `route`. */
  template: string;
  weight: number;
  /** A concrete path for the web request and the api path behind it. */
  paths(random: Random): { web: string; api: string };
  calls: Call[];
  /** Route-specific failures with their probabilities; the common ones are added to all. */
  failures: [Outcome, number][];
}

const id = (random: Random, digits: number) =>
  String(random.int(10 ** (digits - 1), 10 ** digits - 1));

export const ROUTES: Route[] = [
  {
    method: 'GET',
    template: '/',
    weight: 20,
    paths: () => ({ web: '/', api: '/api/featured' }),
    calls: [{ kind: 'dynamodb', operation: 'Query', table: 'products' }],
    failures: [['dynamoThrottle', 0.01]],
  },
  {
    method: 'GET',
    template: '/products',
    weight: 25,
    paths: (random) => {
      const page = random.int(1, 12);
      return { web: `/products?page=${page}`, api: `/api/products?page=${page}&limit=24` };
    },
    calls: [
      { kind: 'dynamodb', operation: 'Query', table: 'products' },
      { kind: 'dynamodb', operation: 'BatchGetItem', table: 'inventory' },
    ],
    failures: [['dynamoThrottle', 0.01]],
  },
  {
    method: 'GET',
    template: '/products/{id}',
    weight: 25,
    paths: (random) => {
      const product = id(random, 5);
      return { web: `/products/${product}`, api: `/api/products/${product}` };
    },
    calls: [{ kind: 'dynamodb', operation: 'GetItem', table: 'products' }],
    failures: [
      ['notFound', 0.06],
      ['dynamoThrottle', 0.01],
    ],
  },
  {
    method: 'POST',
    template: '/cart',
    weight: 15,
    paths: () => ({ web: '/cart', api: '/api/cart/items' }),
    calls: [{ kind: 'dynamodb', operation: 'UpdateItem', table: 'carts' }],
    failures: [
      ['badRequest', 0.03],
      ['dynamoThrottle', 0.01],
    ],
  },
  {
    method: 'POST',
    template: '/checkout',
    weight: 10,
    paths: () => ({ web: '/checkout', api: '/api/orders' }),
    calls: [
      {
        kind: 'sql',
        query: 'INSERT INTO orders (customer_id, total_cents, status) VALUES (?, ?, ?)',
      },
      { kind: 'payment' },
      { kind: 'dynamodb', operation: 'DeleteItem', table: 'carts' },
    ],
    failures: [
      ['sqlTimeout', 0.03],
      ['paymentDown', 0.02],
      ['paymentThrottle', 0.05],
    ],
  },
  {
    method: 'GET',
    template: '/orders/{id}',
    weight: 5,
    paths: (random) => {
      const order = id(random, 7);
      return { web: `/orders/${order}`, api: `/api/orders/${order}` };
    },
    calls: [{ kind: 'sql', query: 'SELECT * FROM orders WHERE id = ? AND customer_id = ?' }],
    failures: [
      ['notFound', 0.05],
      ['sqlTimeout', 0.03],
    ],
  },
];

/** Failures any request can meet, whatever its route. */
const COMMON_FAILURES: [Outcome, number][] = [
  ['edgeThrottle', 0.02],
  ['webBug', 0.003],
  ['slow', 0.003],
  ['apiCrash', 0.001],
];

export function pickRoute(random: Random): Route {
  const total = ROUTES.reduce((sum, route) => sum + route.weight, 0);
  let draw = random.next() * total;
  for (const route of ROUTES) {
    draw -= route.weight;
    if (draw < 0) return route;
  }
  return random.pick(ROUTES);
}

export function pickOutcome(random: Random, route: Route): Outcome {
  let draw = random.next();
  for (const [outcome, probability] of [...COMMON_FAILURES, ...route.failures]) {
    draw -= probability;
    if (draw < 0) return outcome;
  }
  return 'ok';
}

/** A latency in ms around `median`: log-normal, with a 1% tail ten to forty times slower. */
export function latency(random: Random, median: number, spread = 0.5): number {
  // Box–Muller: a standard normal draw from two uniform ones.
  const normal =
    Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const value = median * Math.exp(spread * normal);
  return random.next() < 0.01 ? value * random.int(10, 40) : value;
}

export const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'curl/8.5.0',
];

export const TIERS = ['anonymous', 'anonymous', 'bronze', 'silver', 'gold'];

/** A public client address from documentation ranges (RFC 5737), as the ALB forwards it. */
export function clientIp(random: Random): string {
  const block = random.pick(['192.0.2', '198.51.100', '203.0.113']);
  return `${block}.${random.int(1, 254)}`;
}

/** The api's PostgreSQL (Aurora) database, as its JDBC driver names it. */
export function sqlDatabase(region: string) {
  const host = `orders-db.cluster-c9akciq32ew1.${region}.rds.amazonaws.com`;
  return { url: `jdbc:postgresql://${host}:5432/orders`, name: `orders@${host}` };
}

export const PAYMENT = {
  name: 'api.payments.example.com',
  url: 'https://api.payments.example.com/v1/charges',
};
