package io.commercesync.core.error;

import io.commercesync.core.model.SystemId;
import io.commercesync.core.security.Redactor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The other system failed or refused a call: Magento answered 400, GP's eConnect returned error 56, the
 * agent timed out, Clarity said 429.
 *
 * <p>It carries what an operator and the retry policy need: the system, the operation
 * ({@code POST /rest/default/V1/orders}), the HTTP status or remote error code, the remote message
 * (redacted), whether a retry may help, and {@code Retry-After} when the system gave one. Subtypes
 * exist for the cases callers often handle apart: {@link AuthenticationException},
 * {@link RateLimitedException} and {@link TransportException}.
 *
 * <pre>{@code
 * throw RemoteSystemException.builder(SystemId.MAGENTO, "GET /rest/default/V1/orders/1043")
 *     .status(404).remoteMessage("The entity that was requested doesn't exist.")
 *     .retryable(false).build();
 * }</pre>
 */
public class RemoteSystemException extends CommerceSyncException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final int status;
  private final String remoteCode;
  private final String remoteMessage;
  private final boolean retryable;
  private final transient Duration retryAfter;
  private final String requestId;
  private final String recordKey;

  protected RemoteSystemException(Builder b) {
    super(b.system, render(b), b.cause);
    this.operation = b.operation;
    this.status = b.status;
    this.remoteCode = b.remoteCode;
    this.remoteMessage = b.remoteMessage == null ? null : Redactor.DEFAULT.redact(b.remoteMessage);
    this.retryable = b.retryable;
    this.retryAfter = b.retryAfter;
    this.requestId = b.requestId;
    this.recordKey = b.recordKey;
  }

  /** Starts an exception for {@code operation} (e.g. {@code POST /V1/orders}) on {@code system}. */
  public static Builder builder(SystemId system, String operation) {
    return new Builder(system, operation);
  }

  /** What was being done: an HTTP method and path, a stored procedure, a SOAP action. */
  public String operation() {
    return operation;
  }

  /** The HTTP status, if the failure came with one. */
  public OptionalInt status() {
    return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
  }

  /** The system's own error code (eConnect error number, Clarity problem code), if given. */
  public Optional<String> remoteCode() {
    return Optional.ofNullable(remoteCode);
  }

  /** The system's own message, with anything that looks like a credential masked. */
  public Optional<String> remoteMessage() {
    return Optional.ofNullable(remoteMessage);
  }

  /** How long the system asked us to wait ({@code Retry-After}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The system's request or correlation id, for its support desk. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The key of the record being written or read, if the call concerned one. */
  public Optional<String> recordKey() {
    return Optional.ofNullable(recordKey);
  }

  @Override
  public boolean retryable() {
    return retryable;
  }

  private static String render(Builder b) {
    StringBuilder text = new StringBuilder().append(b.system).append(' ').append(b.operation);
    if (b.recordKey != null) {
      text.append(" [").append(FieldViolation.display(b.recordKey)).append(']');
    }
    text.append(": ");
    boolean any = false;
    if (b.status > 0) {
      text.append("HTTP ").append(b.status);
      any = true;
    }
    if (b.remoteCode != null) {
      text.append(any ? ", " : "").append("code ").append(b.remoteCode);
      any = true;
    }
    if (b.remoteMessage != null) {
      text.append(any ? " - " : "").append(Redactor.DEFAULT.redact(b.remoteMessage));
      any = true;
    }
    if (!any) {
      text.append(b.cause != null ? b.cause.getClass().getSimpleName() : "failed");
    }
    text.append(b.retryable ? " (retryable" : " (not retryable");
    if (b.retryAfter != null) {
      text.append(", retry after ").append(b.retryAfter.toSeconds()).append("s");
    }
    text.append(')');
    if (b.requestId != null) {
      text.append(" requestId=").append(b.requestId);
    }
    return text.toString();
  }

  /** Builds a {@link RemoteSystemException} or one of its subtypes. Not thread-safe. */
  public static final class Builder {
    private final SystemId system;
    private final String operation;
    private int status;
    private String remoteCode;
    private String remoteMessage;
    private boolean retryable;
    private Duration retryAfter;
    private String requestId;
    private String recordKey;
    private Throwable cause;

    private Builder(SystemId system, String operation) {
      this.system = Objects.requireNonNull(system, "system");
      this.operation = Objects.requireNonNull(operation, "operation");
    }

    /** The HTTP status; 0 or less means none. */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    public Builder remoteCode(String remoteCode) {
      this.remoteCode = remoteCode;
      return this;
    }

    public Builder remoteMessage(String remoteMessage) {
      this.remoteMessage = remoteMessage;
      return this;
    }

    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    /** The wait the system asked for; null for none. Negative values are treated as zero. */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter == null || !retryAfter.isNegative() ? retryAfter : Duration.ZERO;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    public Builder recordKey(String recordKey) {
      this.recordKey = recordKey;
      return this;
    }

    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /** A plain remote failure. */
    public RemoteSystemException build() {
      return new RemoteSystemException(this);
    }

    /** Credentials refused (401/403, bad signature, expired token that could not be renewed). */
    public AuthenticationException buildAuthentication() {
      this.retryable = false;
      return new AuthenticationException(this);
    }

    /** Throttled (HTTP 429 or the system's equivalent); always retryable. */
    public RateLimitedException buildRateLimited() {
      this.retryable = true;
      return new RateLimitedException(this);
    }

    /**
     * No usable answer: connection refused or reset, timeout, truncated or garbled body. Retryable;
     * for a write the caller must assume the remote side may have applied it.
     */
    public TransportException buildTransport(boolean timedOut) {
      this.retryable = true;
      return new TransportException(this, timedOut);
    }
  }
}
