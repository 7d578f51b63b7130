// Deterministic demo data: every value derives from the organization and the device index.
import { createHash } from 'node:crypto';
import type { Device, DeviceStatus, LifeCycleStatus, ProbeStatus, Tenant } from './types.js';

/** Public demo credentials, valid only on this local server. Organization and client id match the spec's `local` environment. */
export const DEMO: { organization: 'demo'; clientId: 'demo-client'; clientSecret: string } = Object.freeze({
  organization: 'demo',
  clientId: 'demo-client',
  clientSecret: 'demo-secret-valid-only-on-the-local-reference-server',
});

/** A second tenant: its secret holds colons, so clients prove they split Basic credentials at the first colon. */
export const OTHER = {
  organization: 'acme',
  clientId: 'acme-client',
  clientSecret: 'acme:secret:with:colons',
} as const;

/** `additiveFields`: give every device `serialNumber`, a field the docs do not list (see ServerOptions). */
export function demoTenants(additiveFields = false): Tenant[] {
  return [
    { ...DEMO, devices: seedDevices(DEMO.organization, 25, 10, additiveFields) },
    { ...OTHER, devices: seedDevices(OTHER.organization, 12, 20, additiveFields) },
  ];
}

interface Product {
  vendor: string;
  model: string;
  deviceType: string;
  firmware: [older: string, latest: string];
  source: 'vms' | 'acs';
}

const PRODUCTS: Product[] = [
  { vendor: 'Axis', model: 'P3245-LVE', deviceType: 'camera', firmware: ['10.12.165', '11.9.60'], source: 'vms' },
  { vendor: 'Hanwha Vision', model: 'XNV-8080R', deviceType: 'camera', firmware: ['2.21.02', '2.22.00'], source: 'vms' },
  { vendor: 'HID', model: 'VertX V1000', deviceType: 'access control panel', firmware: ['3.5.1.1483', '3.5.2.1502'], source: 'acs' },
  { vendor: 'Bosch', model: 'FLEXIDOME IP 5000i', deviceType: 'camera', firmware: ['7.80.0128', '8.71.0066'], source: 'vms' },
  { vendor: '2N', model: 'IP Verso', deviceType: 'intercom', firmware: ['2.40.1', '2.44.0'], source: 'acs' },
  { vendor: 'Mercury', model: 'LP1502', deviceType: 'access control panel', firmware: ['1.29.4', '1.30.3'], source: 'acs' },
  { vendor: 'Hikvision', model: 'DS-2CD2143G2-I', deviceType: 'camera', firmware: ['5.7.3', '5.7.15'], source: 'vms' },
  { vendor: 'Cisco', model: 'Catalyst 9200', deviceType: 'other', firmware: ['17.9.4', '17.12.2'], source: 'vms' },
];

const STATUSES: DeviceStatus[] = ['online', 'online', 'offline', 'online', 'partial', 'online', 'unknown'];
const LIFE_CYCLES: LifeCycleStatus[] = ['current_product', 'current_product', 'eol', 'current_product', 'eos', 'unknown'];
const PROBES: ProbeStatus[] = ['up', 'up', 'down', 'unknown', 'unmonitored'];
const SITES = ['Headquarters', 'Warehouse', 'Branch Office'];
const PLACES = ['Lobby', 'Loading dock', 'Server room', 'Parking', 'Main entrance', 'Stairwell', 'Roof'];
const SEED_EPOCH_MS = Date.UTC(2024, 11, 31, 23, 59, 59);

/** `count` devices for `organization`; `subnet` picks the second octet of their IP addresses. */
export function seedDevices(organization: string, count: number, subnet = 10, additiveFields = false): Device[] {
  return Array.from({ length: count }, (_, i) => seedDevice(organization, i, subnet, additiveFields));
}

function seedDevice(organization: string, i: number, subnet: number, additiveFields: boolean): Device {
  const product = PRODUCTS[i % PRODUCTS.length]!;
  const status = STATUSES[i % STATUSES.length]!;
  const lifeCycleStatus = LIFE_CYCLES[i % LIFE_CYCLES.length]!;
  const isFirmwareLatest = i % 3 === 0;
  const isFirmwareUpgradeAvailable = !isFirmwareLatest && i % 4 !== 1;
  const number = String(i + 1).padStart(4, '0');
  const digest = createHash('sha256').update(`${organization}:${i}`).digest('hex');
  return {
    id: `dev-${organization}-${number}`,
    name: `${PLACES[i % PLACES.length]} ${product.deviceType} ${number}`,
    vendor: product.vendor,
    model: product.model,
    firmwareVersion: product.firmware[isFirmwareLatest ? 1 : 0],
    deviceType: product.deviceType,
    compliance: { passwordCompliant: i % 3 !== 2, firmwareCompliant: isFirmwareLatest },
    network: {
      ipAddress: `10.${subnet}.${1 + Math.floor(i / 200)}.${10 + (i % 200)}`,
      macAddress: digest.slice(0, 12).replace(/(..)(?!$)/g, '$1:'),
      hostname: `${organization}-${product.deviceType.replace(/ /g, '-')}-${number}`,
    },
    status,
    lastSeen: isoSeconds(SEED_EPOCH_MS - (status === 'offline' ? 3 * 86_400_000 : 0) - i * 7 * 60_000),
    deviceSources: [{ id: `src-${organization}-${product.source}`, name: product.source === 'vms' ? 'Milestone XProtect' : 'Genetec Synergis', type: product.source }],
    sites: [{ id: `site-${organization}-${(i % SITES.length) + 1}`, name: SITES[i % SITES.length]! }],
    lifeCycleStatus,
    isFirmwareVulnerable: lifeCycleStatus === 'eos' || i % 5 === 2,
    isFirmwareLatest,
    isFirmwareUpgradeAvailable,
    probe: {
      agent: status === 'offline' ? 'down' : PROBES[i % PROBES.length]!,
      deviceSource: PROBES[(i + 1) % PROBES.length]!,
      edge: PROBES[(i + 2) % PROBES.length]!,
      host: PROBES[(i + 3) % PROBES.length]!,
      app: PROBES[(i + 4) % PROBES.length]!,
    },
    availableTask: {
      rotatePassword: i % 2 === 0,
      upgradeFirmware: isFirmwareUpgradeAvailable,
      rotateSSLCertificate: i % 3 === 1,
      rotate8021xCertificate: i % 4 === 3,
      restartDevice: status !== 'offline',
      hardenDevice: i % 5 === 0,
    },
    ...(additiveFields ? { serialNumber: `ST${digest.slice(12, 22).toUpperCase()}` } : {}),
  };
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
