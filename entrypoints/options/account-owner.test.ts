import { describe, expect, it } from 'vitest';
import { type Account, accountKeysOf, type Member } from '../../utils/model';
import { accountOwnerError } from './account-owner';

function member(id: string, name: string, accounts: Account[]): Member {
  return { id, name, accounts, accountKeys: accountKeysOf(accounts) };
}

const ada = member('ada', 'Ada Quill', [{ site: 'x', handle: 'adaquill' }]);
const bruno = member('bruno', 'Bruno Fenwick', [{ site: 'github', handle: 'bfenwick' }]);

describe('accountOwnerError', () => {
  it('names the teammate who already has one of the accounts', () => {
    const carla = member('carla', 'Carla Diaz', [
      { site: 'github', handle: 'carla' },
      { site: 'x', handle: 'adaquill' },
    ]);
    expect(accountOwnerError(carla, [bruno, ada])).toBe('X adaquill already belongs to Ada Quill.');
  });

  it('lets a teammate keep their own accounts', () => {
    const renamed = { ...ada, name: 'Ada Q.' };
    expect(accountOwnerError(renamed, [ada, bruno])).toBeNull();
  });

  it('finds nothing when no one else has the accounts', () => {
    expect(
      accountOwnerError(member('carla', 'Carla Diaz', [{ site: 'x', handle: 'carla' }]), [ada]),
    ).toBeNull();
    expect(accountOwnerError(member('dan', 'Dan', []), [ada, bruno])).toBeNull();
  });
});
