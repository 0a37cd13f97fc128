package io.commercesync.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dead-letter store: records that failed permanently, kept until someone replays or discards them.
 * Letters never expire unseen; retention only removes payloads (personal data) of closed letters.
 */
public interface DeadLetters {

  /**
   * Stores {@code letter}. An open letter for the same flow and record key is updated (attempts,
   * last failure, error) instead of duplicated. Returns the stored letter's id.
   */
  String add(DeadLetter letter);

  /** The letter with {@code id}. */
  Optional<DeadLetter> get(String id);

  /** Letters matching {@code filter}, newest failure first. */
  List<DeadLetter> list(DeadLetterFilter filter);

  /** How many letters match {@code filter}. */
  long count(DeadLetterFilter filter);

  /** Closes letter {@code id} as replayed, with a note (e.g. the remote id). */
  void markReplayed(String id, String note);

  /**
   * Closes letter {@code id} as resolved: its record has since succeeded without a replay. The pipeline
   * calls this itself, so an operator's list of open letters only shows what still needs them.
   */
  void markResolved(String id, String note);

  /** Closes letter {@code id} as discarded, with the reason (kept as audit). */
  void discard(String id, String reason);

  /** Empties the payloads of closed letters last changed before {@code before}; returns how many. */
  int purgePayloads(Instant before);
}
