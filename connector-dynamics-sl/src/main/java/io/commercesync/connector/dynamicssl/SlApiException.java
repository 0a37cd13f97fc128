package io.commercesync.connector.dynamicssl;

import io.commercesync.core.error.RemoteSystemException;
import java.util.List;

/**
 * The SL REST layer refused a call with an RFC 9457 problem document: a validation failure with
 * per-field errors ({@code 400}), an unknown record ({@code 404}), a conflict ({@code 409}). Not
 * retryable unless the status says so (5xx); the pipeline dead-letters it with the field errors.
 *
 * <pre>{@code
 * try {
 *   client.createSalesOrder(request, key);
 * } catch (SlApiException e) {
 *   e.fieldErrors();   // [/SOLine/1/InvtID: MAX_LENGTH_EXCEEDED - ..., /SOHeader/ShipViaID: NOT_FOUND - ...]
 *   e.problemType();   // https://sl-api.example.com/problems/validation-error
 * }
 * }</pre>
 */
public final class SlApiException extends RemoteSystemException {

  private static final long serialVersionUID = 1L;

  private final String problemType;
  private final transient List<SlFieldError> fieldErrors;

  /**
   * @param builder the classified error (status, code, message naming every field, request id)
   * @param problemType the problem's {@code type} URI, or null
   * @param fieldErrors the problem's {@code errors[]}
   */
  public SlApiException(RemoteSystemException.Builder builder, String problemType, List<SlFieldError> fieldErrors) {
    super(builder);
    this.problemType = problemType;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /** The problem's {@code type} URI, if given. */
  public String problemType() {
    return problemType;
  }

  /** The fields at fault, possibly none. */
  public List<SlFieldError> fieldErrors() {
    return fieldErrors;
  }
}
