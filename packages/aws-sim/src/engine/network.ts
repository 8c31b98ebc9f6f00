import type { AttachmentRecord } from './model.js';
import type { Random } from './random.js';

export interface SubnetInfo {
  id: string;
  availabilityZone: string;
  /** The /20 block the ENIs take their addresses from, e.g. `10.0.32.0/20`. */
  cidrBlock: string;
}

interface Pool extends SubnetInfo {
  first: number;
  used: Set<number>;
  cursor: number;
}

// A /20 holds 4096 addresses; AWS keeps the first four and the last one of every subnet.
const HOSTS = 4096;
const FIRST_HOST = 4;
const LAST_HOST = HOSTS - 2;

/**
 * The simulated VPC: which AZ each subnet is in and which private IPs its ENIs hold. Scenarios
 * declare their subnets; a subnet nobody declared is placed in the region's zones in the order
 * it is first used, so any subnet id a client sends works and the result is reproducible.
 */
export class SubnetPool {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly region: string) {}

  declare(id: string, availabilityZone: string): SubnetInfo {
    const existing = this.pools.get(id);
    if (existing) return existing;
    const index = this.pools.size;
    const third = (index * 16) % 256;
    const second = Math.floor((index * 16) / 256);
    const pool: Pool = {
      id,
      availabilityZone,
      cidrBlock: `10.${second}.${third}.0/20`,
      first: (second << 16) | (third << 8),
      used: new Set(),
      cursor: FIRST_HOST,
    };
    this.pools.set(id, pool);
    return pool;
  }

  info(id: string): SubnetInfo {
    return this.pools.get(id) ?? this.declare(id, `${this.region}${'abc'[this.pools.size % 3]}`);
  }

  /** The next free private IP of a subnet (first free after the last one handed out). */
  allocate(id: string): string {
    this.info(id);
    const pool = this.pools.get(id);
    if (!pool) throw new Error(`unknown subnet ${id}`);
    for (let tries = 0; tries < LAST_HOST; tries += 1) {
      const host = pool.cursor;
      pool.cursor = pool.cursor >= LAST_HOST ? FIRST_HOST : pool.cursor + 1;
      if (!pool.used.has(host)) {
        pool.used.add(host);
        return toIp(pool.first + host);
      }
    }
    throw new Error(`subnet ${id} is full`);
  }

  release(id: string, ip: string): void {
    const pool = this.pools.get(id);
    if (!pool) return;
    pool.used.delete(fromIp(ip) - pool.first);
  }
}

const toIp = (value: number) => `10.${(value >> 16) & 255}.${(value >> 8) & 255}.${value & 255}`;
const fromIp = (ip: string) => {
  const [, b = '0', c = '0', d = '0'] = ip.split('.');
  return (Number(b) << 16) | (Number(c) << 8) | Number(d);
};

/** An ENI for an awsvpc task, as AWS describes it in the task's attachments. */
export function createEni(
  subnets: SubnetPool,
  subnetId: string,
  random: Random,
  region: string,
): AttachmentRecord {
  const ip = subnets.allocate(subnetId);
  const mac = Array.from({ length: 6 }, (_, i) => (i === 0 ? '0a' : random.hex(2))).join(':');
  const dnsSuffix = region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
  return {
    id: random.uuid(),
    status: 'PRECREATED',
    subnetId,
    networkInterfaceId: `eni-0${random.hex(16)}`,
    macAddress: mac,
    privateIPv4Address: ip,
    privateDnsName: `ip-${ip.replaceAll('.', '-')}.${dnsSuffix}`,
  };
}
