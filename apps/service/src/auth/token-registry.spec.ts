import { describe, expect, it } from '@jest/globals';
import { TokenRegistry } from './token-registry';

describe('TokenRegistry', () => {
  const registry = TokenRegistry.from(['alice=a-secret', 'bare-token'], ['root=r-secret']);

  it('names editors from name=token, or from a digest of a bare token', () => {
    expect(registry.identify('a-secret')).toEqual({ name: 'alice', roles: ['editor'] });
    expect(registry.identify('bare-token')?.name).toMatch(/^editor-[0-9a-f]{8}$/);
  });

  it('admins are editors too; unknown tokens are nobody', () => {
    expect(registry.identify('r-secret')).toEqual({ name: 'root', roles: ['editor', 'admin'] });
    expect(registry.identify('alice')).toBeUndefined();
    expect(registry.identify('')).toBeUndefined();
  });

  it('accepts an old and a new token for one name during a rotation (docs/operations.md)', () => {
    const registry = TokenRegistry.from(['alice=old-secret', 'alice=new-secret'], []);
    expect(registry.identify('old-secret')).toEqual({ name: 'alice', roles: ['editor'] });
    expect(registry.identify('new-secret')).toEqual({ name: 'alice', roles: ['editor'] });
    expect(TokenRegistry.from(['alice=new-secret'], []).identify('old-secret')).toBeUndefined();
  });
});
