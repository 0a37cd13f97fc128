package io.commercesync.core.pipeline;

import java.util.Objects;

/**
 * A position in a source, after which a run resumes: an {@code updated_at} timestamp with an entity-id
 * tie-break for Magento, a {@code DEX_ROW_TS} for GP, a page token. Opaque to the pipeline; only the
 * {@link Source} that issued it interprets it.
 *
 * <p>The pipeline stores the cursor of the last record whose every predecessor is finished (written,
 * dead-lettered or skipped), so a resumed run never skips an unfinished record.
 *
 * @param value the source's encoding of the position; empty for {@link #START}
 */
public record Cursor(String value) {

  /** The beginning: read everything the source has. */
  public static final Cursor START = new Cursor("");

  public Cursor {
    Objects.requireNonNull(value, "value");
  }

  public static Cursor of(String value) {
    return value == null || value.isEmpty() ? START : new Cursor(value);
  }

  public boolean isStart() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return isStart() ? "<start>" : value;
  }
}
