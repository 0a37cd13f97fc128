package io.commercesync.connector.clarity.internal.http;

import io.commercesync.connector.clarity.internal.dto.cef.CefErrorBody;
import io.commercesync.connector.clarity.internal.dto.cef.CefResponseError;
import io.commercesync.connector.clarity.internal.dto.cef.CefResponseStatus;
import io.commercesync.connector.clarity.internal.mapping.ClarityCodecs;
import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.model.SystemId;
import java.util.List;

/**
 * Native errors: ServiceStack {@code ResponseStatus { ErrorCode, Message, Errors[] { ErrorCode,
 * FieldName, Message } }} (reference §2.4 [C]), or CEF's {@code { StatusCode, StatusDescription,
 * Message }} for 401/403. A 400/422 naming fields is an {@link InvalidRecordException} (the record is
 * wrong, retrying cannot help); everything else is classified by status.
 */
public final class CefErrorTranslator implements ErrorTranslator {

  private final HttpTransport transport;

  public CefErrorTranslator(HttpTransport transport) {
    this.transport = transport;
  }

  @Override
  public CommerceSyncException translate(HttpResult result, String operation, String entity, String recordKey) {
    RemoteSystemException.Builder error = transport.errorFor(result, operation, recordKey);
    CefResponseStatus status = null;
    try {
      CefErrorBody body = ClarityCodecs.CEF.read(result.body(), CefErrorBody.class, "error response");
      status = body.responseStatus();
      if (status != null) {
        error.remoteCode(status.errorCode()).remoteMessage(status.message());
      } else if (body.message() != null) {
        error.remoteCode(body.code()).remoteMessage(body.message());
      }
    } catch (InvalidRecordException unreadable) {
      error.remoteMessage(snippet(result));
    }
    List<CefResponseError> fields = status == null || status.errors() == null ? List.of() : status.errors();
    if ((result.status() == 400 || result.status() == 422) && !fields.isEmpty()) {
      InvalidRecordException.Builder invalid = InvalidRecordException.builder(SystemId.CLARITY, entity)
          .recordId(recordKey);
      for (CefResponseError f : fields) {
        invalid.violation(FieldViolation.of(f.fieldName() == null ? "(record)" : f.fieldName(),
            Violations.rule(f.errorCode()), null, Violations.message(f.message(), f.errorCode())));
      }
      return invalid.cause(error.build()).build();
    }
    return HttpTransport.classify(result, error);
  }

  static String snippet(HttpResult result) {
    String text = result.bodyText().strip();
    if (text.isEmpty()) {
      return null;
    }
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
