package io.commercesync.connector.dynamicssl;

/**
 * One field the SL REST layer refused, from the {@code errors[]} of its RFC 9457 problem document.
 *
 * <pre>{@code
 * catch (SlApiException e) {
 *   for (SlFieldError f : e.fieldErrors()) {
 *     log.debug("pointer={} column={}.{} code={}", f.pointer(), f.table(), f.column(), f.code());
 *   }
 * }
 * }</pre>
 *
 * @param pointer JSON pointer into the request body, e.g. {@code /SOLine/1/InvtID}
 * @param table the SL table, e.g. {@code SOLine}
 * @param column the SL column, e.g. {@code InvtID}
 * @param code a stable code: {@code MAX_LENGTH_EXCEEDED}, {@code NOT_FOUND}, {@code CODE_PAGE},
 *     {@code UNBALANCED}, {@code REQUIRED}…
 * @param maxLength the column's width for a length error, or null
 * @param actualLength the value's length for a length error, or null
 * @param message the layer's sentence
 */
public record SlFieldError(
    String pointer, String table, String column, String code, Integer maxLength, Integer actualLength,
    String message) {

  @Override
  public String toString() {
    return (pointer != null ? pointer : table + "." + column) + ": " + code
        + (message != null ? " - " + message : "");
  }
}
