package io.commercesync.connector.dynamicsgp;

import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.SystemId;
import java.util.List;

/**
 * GP refused a document: eConnect reported errors and rolled the transaction back. Carries the structured
 * errors; retryable only when every error is a record lock or deadlock (2079/2022/1205), never for data
 * errors such as 598 (unknown customer) or 108 (unknown item).
 *
 * <pre>{@code
 * catch (GpDocumentRejectedException e) {
 *   e.errors().forEach(err -> log.info("gp error={} proc={}", err.number(), err.procedure()));
 * }
 * }</pre>
 */
public final class GpDocumentRejectedException extends RemoteSystemException {

  private static final long serialVersionUID = 1L;

  private final transient List<EConnectError> errors;

  private GpDocumentRejectedException(Builder builder, List<EConnectError> errors) {
    super(builder);
    this.errors = List.copyOf(errors);
  }

  /** The rejection of {@code result} (a FAILED transaction) of {@code operation}. */
  public static GpDocumentRejectedException of(String operation, TransactionResult result) {
    List<EConnectError> errors = result.errors();
    String first = errors.isEmpty() ? null : errors.get(0).number() + " " + errors.get(0).procedure();
    StringBuilder message = new StringBuilder();
    for (EConnectError e : errors) {
      if (message.length() > 0) {
        message.append("; ");
      }
      message.append(e.number()).append(' ').append(e.procedure()).append(": ").append(e.description());
      if (!e.relatedFields().isEmpty()) {
        message.append(' ').append(e.relatedFields());
      }
    }
    Builder b = RemoteSystemException.builder(SystemId.DYNAMICS_GP, operation)
        .recordKey(result.documentKey() != null ? result.documentKey() : result.key())
        .remoteCode(first)
        .remoteMessage(message.length() == 0 ? "rejected" : message.toString())
        .retryable(result.retryable());
    return new GpDocumentRejectedException(b, errors);
  }

  /** The errors GP reported. */
  public List<EConnectError> errors() {
    return errors;
  }
}
