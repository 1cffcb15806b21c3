import {
  draftLoyaltyProgram,
  type LoyaltyProgram,
  type LoyaltyProgramInput,
} from '../../domain/profiles/index.js';

/**
 * The loyalty program this node applies, as the merchant wrote it and compiled: what evaluation,
 * profiles and prices read. `LoyaltyService` loads and writes it; it is built before ingestion, so
 * anything that reads it works from the start (with no program until one is loaded).
 */
export class LoyaltyProgramInForce {
  #input: LoyaltyProgramInput | undefined;
  #program: LoyaltyProgram | undefined;

  /** The compiled program, or undefined when the store has none. */
  program(): LoyaltyProgram | undefined {
    return this.#program;
  }

  /** The program as the merchant wrote it. */
  input(): LoyaltyProgramInput | undefined {
    return this.#input;
  }

  /**
   * Puts `input` in force (none when undefined) and returns it compiled.
   * @throws DomainError `invalid_loyalty_program`; the program in force is then unchanged.
   */
  use(input: LoyaltyProgramInput | undefined): LoyaltyProgram | undefined {
    const program = input === undefined ? undefined : draftLoyaltyProgram(input);
    this.#input = input;
    this.#program = program;
    return program;
  }
}
