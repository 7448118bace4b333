import { describe, expect, it } from 'vitest';
import { classifyAddress, isAddressAllowed } from '../src/http/address-policy';

const cases: [string, 'public' | 'private' | 'loopback' | 'blocked'][] = [
  // IPv4 public
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['100.63.255.255', 'public'],
  ['100.128.0.0', 'public'],
  ['172.15.255.255', 'public'],
  ['172.32.0.0', 'public'],
  ['169.253.255.255', 'public'],
  ['223.255.255.255', 'public'],
  // loopback / private
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.10', 'private'],
  ['100.64.0.1', 'private'],
  ['100.127.255.255', 'private'],
  // blocked IPv4
  ['169.254.169.254', 'blocked'],
  ['169.254.0.1', 'blocked'],
  ['169.254.255.255', 'blocked'],
  ['0.0.0.0', 'blocked'],
  ['0.255.255.255', 'blocked'],
  ['224.0.0.1', 'blocked'],
  ['239.255.255.250', 'blocked'],
  ['240.0.0.1', 'blocked'],
  ['255.255.255.255', 'blocked'],
  ['192.0.2.1', 'blocked'],
  ['198.18.0.1', 'blocked'],
  // IPv6
  ['2606:4700:4700::1111', 'public'],
  ['2001:4860:4860::8888', 'public'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::', 'blocked'],
  ['fe80::1', 'blocked'],
  ['fe80::1%eth0', 'blocked'],
  ['febf:ffff::1', 'blocked'],
  ['fc00::1', 'private'],
  ['fd12:3456:789a::1', 'private'],
  ['fd00:ec2::254', 'blocked'],
  ['FD00:EC2:0:0:0:0:0:254', 'blocked'],
  ['ff02::1', 'blocked'],
  ['2001:db8::1', 'blocked'],
  ['[::1]', 'loopback'],
  // IPv4-mapped and other IPv4-carrying forms are judged as the IPv4 address
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:169.254.169.254', 'blocked'],
  ['::ffff:a9fe:a9fe', 'blocked'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:8.8.8.8', 'public'],
  ['0:0:0:0:0:ffff:0a00:0001', 'private'],
  ['64:ff9b::169.254.169.254', 'blocked'],
  ['2002:a9fe:a9fe::1', 'blocked'],
  ['2002:0808:0808::1', 'public'],
  ['::127.0.0.1', 'blocked'],
  // not an address
  ['localhost', 'blocked'],
  ['999.1.1.1', 'blocked'],
  ['', 'blocked'],
];

describe('address classifier', () => {
  it.each(cases)('%s is %s', (address, category) => {
    expect(classifyAddress(address).category).toBe(category);
  });

  it('names the cloud metadata address in its reason', () => {
    expect(classifyAddress('169.254.169.254').reason).toMatch(/metadata/);
    expect(classifyAddress('fd00:ec2::254').reason).toMatch(/metadata/);
  });
});

describe('address policy', () => {
  it('allows loopback and private ranges only with allowPrivateNetwork', () => {
    for (const address of [
      '127.0.0.1',
      '::1',
      '10.0.0.1',
      '172.20.0.1',
      '192.168.0.1',
      'fd00::1',
      '100.64.1.1',
      '::ffff:192.168.0.1',
    ]) {
      expect(isAddressAllowed(address, { allowPrivateNetwork: true }), address).toBe(true);
      expect(isAddressAllowed(address, { allowPrivateNetwork: false }), address).toBe(false);
    }
  });

  it('always blocks link-local, metadata, this-network and multicast', () => {
    for (const address of [
      '169.254.169.254',
      'fd00:ec2::254',
      'fe80::1',
      '0.0.0.0',
      '224.0.0.251',
      '::ffff:169.254.169.254',
    ]) {
      expect(isAddressAllowed(address, { allowPrivateNetwork: true }), address).toBe(false);
    }
  });

  it('always allows public addresses', () => {
    expect(isAddressAllowed('93.184.216.34', { allowPrivateNetwork: false })).toBe(true);
    expect(isAddressAllowed('2a00:1450:4007:80f::200e', { allowPrivateNetwork: false })).toBe(true);
  });
});
