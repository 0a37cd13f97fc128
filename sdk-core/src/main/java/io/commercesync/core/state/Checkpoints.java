package io.commercesync.core.state;

import io.commercesync.core.pipeline.Cursor;
import java.util.Optional;

/** The cursor of each source: where the next run resumes. */
public interface Checkpoints {

  /** The saved cursor of {@code source} (a {@link io.commercesync.core.pipeline.Source#name()}), if any. */
  Optional<Cursor> get(String source);

  /** Saves {@code cursor} for {@code source}, durably. */
  void put(String source, Cursor cursor);
}
