import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/shared/index.js';
import { LoyaltyProgramInForce } from './loyalty-program-in-force.js';

const PROGRAM = {
  currency: 'GBP',
  pointsPerUnit: 2,
  tiers: [
    { id: 'member', perks: {} },
    { id: 'silver', minPoints: 100, perks: { percentOff: 2 } },
  ],
};

describe('LoyaltyProgramInForce', () => {
  it('holds no program until one is put in force, then the program as written and compiled', () => {
    const inForce = new LoyaltyProgramInForce();
    expect(inForce.program()).toBeUndefined();
    const compiled = inForce.use(PROGRAM);
    expect(inForce.input()).toEqual(PROGRAM);
    expect(inForce.program()).toBe(compiled);
    expect(compiled?.tiers.map((tier) => tier.id)).toEqual(['member', 'silver']);
    inForce.use(undefined);
    expect(inForce.program()).toBeUndefined();
  });

  it('keeps the program in force when the new one is invalid', () => {
    const inForce = new LoyaltyProgramInForce();
    const compiled = inForce.use(PROGRAM);
    let code: string | undefined;
    try {
      inForce.use({ ...PROGRAM, pointsPerUnit: 0 });
    } catch (error) {
      code = error instanceof DomainError ? error.code : undefined;
    }
    expect(code).toBe('invalid_loyalty_program');
    expect(inForce.program()).toBe(compiled);
  });
});
