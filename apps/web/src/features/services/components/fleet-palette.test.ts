import { describe, expect, it } from 'vitest';
import { serviceColour } from './fleet-palette';

describe('serviceColour', () => {
  it("gives each of a cluster's first twelve services its own colour", () => {
    const services = ['api', 'legacy-admin', 'web', 'worker', 'xray-daemon'];
    const colours = services.map((service) => serviceColour(service, services));
    expect(new Set(colours).size).toBe(services.length);
  });

  it('falls back to a stable colour per name outside a cluster', () => {
    expect(serviceColour('web')).toBe(serviceColour('web'));
  });
});
