package io.commercesync.connector.clarity.internal.http;

import io.commercesync.connector.clarity.internal.dto.v1.V1Problem;
import io.commercesync.connector.clarity.internal.dto.v1.V1ProblemError;
import io.commercesync.connector.clarity.internal.mapping.ClarityCodecs;
import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.IdempotencyConflictException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.model.SystemId;
import java.time.Duration;
import java.util.List;

/**
 * v1 errors: RFC 9457 problem details (reference §4.7 [P]): {@code code}, {@code detail},
 * {@code requestId}, {@code errors[] { pointer, code, message }}. A 400/422 with pointers is an
 * {@link InvalidRecordException} whose paths are the JSON Pointers; a 409 {@code IDEMPOTENCY_KEY_REUSED}
 * is an {@link IdempotencyConflictException}; a 409 {@code DUPLICATE_*} a {@link DuplicateDetectedException}; a 429 takes its wait from {@code Retry-After}, else from
 * {@code retryAfterSeconds}.
 */
public final class V1ErrorTranslator implements ErrorTranslator {

  /** The problem code the server uses for a reused idempotency key with another payload [P]. */
  public static final String IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_KEY_REUSED";

  private final HttpTransport transport;

  public V1ErrorTranslator(HttpTransport transport) {
    this.transport = transport;
  }

  @Override
  public CommerceSyncException translate(HttpResult result, String operation, String entity, String recordKey) {
    RemoteSystemException.Builder error = transport.errorFor(result, operation, recordKey);
    V1Problem problem = null;
    try {
      problem = ClarityCodecs.V1.read(result.body(), V1Problem.class, "problem");
    } catch (InvalidRecordException unreadable) {
      error.remoteMessage(CefErrorTranslator.snippet(result));
    }
    if (problem != null) {
      error.remoteCode(problem.code())
          .remoteMessage(problem.detail() != null ? problem.detail() : problem.title());
      if (problem.requestId() != null) {
        error.requestId(problem.requestId());
      }
      if (result.status() == 429 && result.header("Retry-After").isEmpty() && problem.retryAfterSeconds() != null) {
        error.retryAfter(Duration.ofSeconds(problem.retryAfterSeconds()));
      }
      if (result.status() == 409 && IDEMPOTENCY_CONFLICT.equals(problem.code())) {
        return new IdempotencyConflictException(SystemId.CLARITY, recordKey, problem.detail());
      }
      if (result.status() == 409 && problem.code() != null && problem.code().startsWith("DUPLICATE")) {
        // e.g. DUPLICATE_EXTERNAL_ID, DUPLICATE_SKU: the record is already there (a race with another writer)
        return new DuplicateDetectedException(SystemId.CLARITY, entity, recordKey, null);
      }
      List<V1ProblemError> fields = problem.errors() == null ? List.of() : problem.errors();
      if ((result.status() == 400 || result.status() == 422) && !fields.isEmpty()) {
        InvalidRecordException.Builder invalid = InvalidRecordException.builder(SystemId.CLARITY, entity)
            .recordId(recordKey);
        for (V1ProblemError f : fields) {
          invalid.violation(FieldViolation.of(f.pointer() == null || f.pointer().isEmpty() ? "(record)" : f.pointer(),
              Violations.rule(f.code()), null, Violations.message(f.message(), f.code())));
        }
        return invalid.cause(error.build()).build();
      }
    }
    return HttpTransport.classify(result, error);
  }
}
