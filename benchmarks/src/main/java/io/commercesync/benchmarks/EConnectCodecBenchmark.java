package io.commercesync.benchmarks;

import io.commercesync.connector.dynamicsgp.econnect.EConnect;
import io.commercesync.connector.dynamicsgp.econnect.EConnectCodec;
import io.commercesync.core.codec.SafeXml;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * eConnect document serialisation and parsing (the sample SOP order, 2 lines + tax + header): the connector's
 * {@link EConnectCodec} (one cached JAXB context, Woodstox hardened through SafeXml) against the naive way
 * (a new JAXB context per call, the JDK's default StAX factory, hardened the same way).
 *
 * <pre>
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EConnectCodecBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class EConnectCodecBenchmark {

  private byte[] xml;
  private EConnect document;
  private JAXBContext cachedContext;

  @Setup
  public void setUp() throws IOException, JAXBException {
    try (InputStream in = EConnectCodecBenchmark.class.getResourceAsStream("/sop-order.xml")) {
      xml = in.readAllBytes();
    }
    document = EConnectCodec.shared().read(xml);
    cachedContext = JAXBContext.newInstance(EConnect.class);
  }

  /** The connector: cached context, hardened Woodstox. */
  @Benchmark
  public EConnect parseFast() {
    return EConnectCodec.shared().read(xml);
  }

  /** Naive: a JAXB context and a JDK StAX factory per call (the factories are hardened as well). */
  @Benchmark
  public Object parseNaive() throws JAXBException, XMLStreamException {
    JAXBContext context = JAXBContext.newInstance(EConnect.class);
    XMLInputFactory factory = SafeXml.harden(XMLInputFactory.newDefaultFactory());
    XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
    return context.createUnmarshaller().unmarshal(reader, EConnect.class).getValue();
  }

  /** Cached context with the JDK's default StAX: isolates the parser's share. */
  @Benchmark
  public Object parseCachedContextJdkStax() throws JAXBException, XMLStreamException {
    XMLInputFactory factory = SafeXml.harden(XMLInputFactory.newDefaultFactory());
    XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
    return cachedContext.createUnmarshaller().unmarshal(reader, EConnect.class).getValue();
  }

  /** The connector's serialisation (validation included, as on every send). */
  @Benchmark
  public byte[] writeFast() {
    return EConnectCodec.shared().write(document);
  }

  /** Naive serialisation: a JAXB context per call. */
  @Benchmark
  public byte[] writeNaive() throws JAXBException {
    Marshaller marshaller = JAXBContext.newInstance(EConnect.class).createMarshaller();
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    marshaller.marshal(document, out);
    return out.toByteArray();
  }
}
