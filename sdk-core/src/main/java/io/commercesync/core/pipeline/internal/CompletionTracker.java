package io.commercesync.core.pipeline.internal;

import io.commercesync.core.pipeline.Cursor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Tracks which records of a run are finished, in source order, and yields the checkpoint: the cursor
 * of the last record such that it and every record before it are finished. A pending record holds the
 * checkpoint back for the rest of the run, so a resumed run never skips it.
 */
final class CompletionTracker {

  private static final class Slot {
    final long seq;
    final Cursor position;
    boolean finished;

    Slot(long seq, Cursor position) {
      this.seq = seq;
      this.position = position;
    }
  }

  private final Deque<Slot> window = new ArrayDeque<>();
  private final Map<Long, Slot> bySeq = new HashMap<>();
  private long nextSeq;
  private Cursor watermark;

  synchronized long register(Cursor position) {
    Slot slot = new Slot(nextSeq++, position);
    window.addLast(slot);
    bySeq.put(slot.seq, slot);
    return slot.seq;
  }

  /** Marks {@code seq} finished (written, skipped, dead-lettered) and advances the watermark. */
  synchronized void finish(long seq) {
    Slot slot = bySeq.remove(seq);
    if (slot == null) {
      return;
    }
    slot.finished = true;
    while (!window.isEmpty() && window.peekFirst().finished) {
      watermark = window.pollFirst().position;
    }
  }

  /** Marks {@code seq} pending: it stays unfinished and holds the watermark back. */
  synchronized void hold(long seq) {
    bySeq.remove(seq);
  }

  /** The cursor up to which everything is finished, or null if nothing is yet. */
  synchronized Cursor watermark() {
    return watermark;
  }
}
