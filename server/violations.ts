// Deliberate contract breaks (`wrong-field-type`): the contract suite must notice them.
import type { DevicePage } from './devices.js';
import type { Device } from './types.js';

/** `id` becomes a number (the digits of the real id). */
export function breakDevice(device: Device): unknown {
  return { ...device, id: Number(device.id.replace(/\D/g, '') || '0') };
}

/** `total` becomes a string, and every device id a number. */
export function breakPage(page: DevicePage): unknown {
  return { devices: page.devices.map(breakDevice), total: String(page.total) };
}
