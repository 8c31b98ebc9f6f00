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

const pad = (value: number) => String(value).padStart(2, '0');

/** A moment as local `HH:MM:SS`, with the date in front when it is not today. */
export function formatTime(moment: string | number | Date, now: Date = new Date()): string {
  const date = new Date(moment);
  if (Number.isNaN(date.getTime())) return '';
  const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  if (date.toDateString() === now.toDateString()) return clock;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${clock}`;
}
