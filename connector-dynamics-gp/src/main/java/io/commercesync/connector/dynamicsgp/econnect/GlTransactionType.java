package io.commercesync.connector.dynamicsgp.econnect;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code <GLTransactionType>}: a journal entry, lines ({@code taGLTransactionLineInsert_Items}, GL10001)
 * before the header ({@code taGLTransactionHeaderInsert}, GL10000), as the serializer emits it (reference §2).
 *
 * <pre>{@code
 * GlTransactionType je = GlTransactionType.builder().addLine(debit).addLine(credit).header(header).build();
 * }</pre>
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GLTransactionType", propOrder = {"processInfo", "lines", "header"})
public final class GlTransactionType implements EConnectTransaction {

  /** The element name. */
  public static final String TYPE = "GLTransactionType";

  @XmlElement(name = "eConnectProcessInfo")
  private EConnectProcessInfo processInfo;

  @XmlElementWrapper(name = "taGLTransactionLineInsert_Items")
  @XmlElement(name = "taGLTransactionLineInsert")
  private List<TaGlTransactionLineInsert> lines;

  @XmlElement(name = "taGLTransactionHeaderInsert")
  private TaGlTransactionHeaderInsert header;

  private GlTransactionType() {}

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public EConnectProcessInfo processInfo() {
    return processInfo;
  }

  /** The lines, in order. */
  public List<TaGlTransactionLineInsert> lines() {
    return SopTransactionType.view(lines);
  }

  /** The header. */
  public TaGlTransactionHeaderInsert header() {
    return header;
  }

  @Override
  public String documentKey() {
    return header == null || header.jrnentry() == null ? null : String.valueOf(header.jrnentry());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GlTransactionType that
        && Objects.equals(processInfo, that.processInfo)
        && lines().equals(that.lines())
        && Objects.equals(header, that.header);
  }

  @Override
  public int hashCode() {
    return Objects.hash(documentKey());
  }

  @Override
  public String toString() {
    return TYPE + "[JRNENTRY=" + documentKey() + ", lines=" + lines().size() + "]";
  }

  /** Builds a {@link GlTransactionType}. Not thread-safe. */
  public static final class Builder {
    private EConnectProcessInfo processInfo;
    private final List<TaGlTransactionLineInsert> lines = new ArrayList<>();
    private TaGlTransactionHeaderInsert header;

    private Builder() {}

    public Builder processInfo(EConnectProcessInfo processInfo) {
      this.processInfo = processInfo;
      return this;
    }

    public Builder addLine(TaGlTransactionLineInsert line) {
      lines.add(Objects.requireNonNull(line, "line"));
      return this;
    }

    public Builder header(TaGlTransactionHeaderInsert header) {
      this.header = header;
      return this;
    }

    public GlTransactionType build() {
      GlTransactionType t = new GlTransactionType();
      t.processInfo = processInfo;
      t.lines = SopTransactionType.stored(lines);
      t.header = header;
      return t;
    }
  }
}
