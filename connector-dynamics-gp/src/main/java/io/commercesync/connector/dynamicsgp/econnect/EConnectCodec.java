package io.commercesync.connector.dynamicsgp.econnect;

import com.ctc.wstx.stax.WstxInputFactory;
import io.commercesync.core.codec.XmlCodec;
import io.commercesync.core.model.SystemId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Serialises and parses {@code <eConnect>} documents: validated before writing, XXE-safe when reading,
 * with one cached JAXB context and a fast StAX parser (Woodstox) hardened through
 * {@code SafeXml.harden} (no DTDs, no external entities, no entity expansion).
 *
 * <pre>{@code
 * EConnectCodec codec = EConnectCodec.shared();
 * byte[] xml = codec.write(doc);                    // InvalidRecordException if a GP rule is broken
 * EConnect parsed = codec.read(xml);                // InvalidRecordException naming the element path
 * }</pre>
 *
 * <p>Immutable and thread-safe; share one.
 */
public final class EConnectCodec {

  private static final EConnectCodec SHARED = new EConnectCodec(ValidationContext.DEFAULT);
  private static final XmlCodec XML = XmlCodec.of(SystemId.DYNAMICS_GP, new WstxInputFactory(), EConnect.class);
  private static final XmlCodec PRETTY = XML.formatted();

  private final ValidationContext context;

  private EConnectCodec(ValidationContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /** A codec validating with {@link ValidationContext#DEFAULT}. */
  public static EConnectCodec shared() {
    return SHARED;
  }

  /** A codec validating with {@code context} (the company's currency and item decimals). */
  public static EConnectCodec withContext(ValidationContext context) {
    return new EConnectCodec(context);
  }

  /** The validation context. */
  public ValidationContext context() {
    return context;
  }

  /**
   * Validates {@code doc} and encodes it as UTF-8 XML.
   *
   * @throws io.commercesync.core.error.InvalidRecordException naming dynamics-gp, the transaction type, its
   *     key and every GP field at fault
   */
  public byte[] write(EConnect doc) {
    EConnectValidator.validate(doc, context);
    return XML.write(doc);
  }

  /** Like {@link #write}, indented for people (the CLI). */
  public String writePretty(EConnect doc) {
    EConnectValidator.validate(doc, context);
    return new String(PRETTY.write(doc), StandardCharsets.UTF_8);
  }

  /** Encodes {@code doc} without validating it: for documents already checked, and for tests. */
  public byte[] writeUnchecked(EConnect doc) {
    return XML.write(doc);
  }

  /**
   * Parses an {@code <eConnect>} document; it is not validated (call {@link EConnectValidator} for that).
   *
   * @throws io.commercesync.core.error.InvalidRecordException if the XML is malformed, has a DTD or entity,
   *     or a value of the wrong type
   */
  public EConnect read(byte[] xml) {
    return XML.read(xml, EConnect.class, "eConnect document");
  }
}
