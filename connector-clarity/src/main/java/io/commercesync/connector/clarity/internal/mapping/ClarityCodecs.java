package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.model.SystemId;

/** The two JSON codecs of Clarity: PascalCase for the native API, camelCase (as declared) for v1. */
public final class ClarityCodecs {

  /** Native CEF/ServiceStack JSON (reference §2.3 [C]: PascalCase, ISO-8601 dates). */
  public static final JsonCodec CEF = JsonCodec.builder(SystemId.CLARITY).naming(JsonNaming.PASCAL_CASE).build();

  /** {@code /api/v1} JSON (reference §4.1 [P]: camelCase). */
  public static final JsonCodec V1 = JsonCodec.builder(SystemId.CLARITY).naming(JsonNaming.AS_DECLARED).build();

  private ClarityCodecs() {}
}
