/** CPU units (1,024 per vCPU) as vCPU. */
export function formatVcpu(units: number): string {
  const vcpu = units / 1024;
  return `${Number.isInteger(vcpu) ? vcpu : vcpu.toFixed(2)} vCPU`;
}

/** MiB as MiB or GiB. */
export function formatMemory(mib: number): string {
  if (mib >= 1024) {
    const gib = mib / 1024;
    return `${gib >= 100 || Number.isInteger(gib) ? Math.round(gib) : gib.toFixed(1)} GiB`;
  }
  return `${mib} MiB`;
}

/** Share reserved of a capacity, 0–100, or undefined when nothing is registered. */
export function reservedPercent(capacity: {
  registered: number;
  remaining: number;
}): number | undefined {
  if (capacity.registered <= 0) return undefined;
  const used = capacity.registered - Math.min(capacity.remaining, capacity.registered);
  return Math.round((used / capacity.registered) * 100);
}
