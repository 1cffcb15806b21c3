/** A bus message a short-lived command left in the store for serving nodes that share no bus with it. */
export interface RelayedMessage {
  /** Store-wide order of the messages. */
  readonly seq: number;
  readonly topic: string;
  /** The payload as JSON. */
  readonly payload: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/**
 * Messages relayed through the store. A command such as `attune import` runs in a process of its
 * own; without Redis its bus ends at that process, so it writes its messages here and serving nodes
 * on the same store read them.
 */
export interface RelayStore {
  relayMessage(topic: string, payload: string, now: number): Promise<void>;
  /** Messages after `seq`, oldest first, at most `limit`. */
  relayedAfter(seq: number, limit: number): Promise<RelayedMessage[]>;
  /** The seq of the newest message, 0 when there is none. */
  lastRelayedSeq(): Promise<number>;
  /**
   * Deletes messages created before `before` (epoch ms), all but the newest: a follower finds the
   * messages it missed by the seqs skipped before the next one it reads.
   */
  pruneRelayed(before: number): Promise<void>;
}
