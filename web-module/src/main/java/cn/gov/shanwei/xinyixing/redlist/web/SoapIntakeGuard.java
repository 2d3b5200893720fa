package cn.gov.shanwei.xinyixing.redlist.web;

import cn.gov.shanwei.xinyixing.redlist.boundary.BatchRejectedFault;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.eclipse.microprofile.config.Config;

/**
 * Stands in front of Metro for every POST to the SOAP intake, so that nothing an unauthenticated
 * or hostile caller sends reaches an XML parser that could be turned against the server. In order:
 * <ol>
 * <li>the caller's key: {@code X-Api-Key} must equal {@code xinyixing.credit-platform.api-key},
 *     the same credential as the REST interface (compared in constant time), for
 *     {@code pushBatch} and {@code getIntakeStatus} alike; checked before a byte of the body is read;</li>
 * <li>the size: a declared {@code Content-Length} over the cap is refused unread; a body without
 *     one is read only up to the cap;</li>
 * <li>the encoding: UTF-8 (or its ASCII subset) only, so the byte scan below sees what a parser would;</li>
 * <li>DOCTYPE: any markup declaration ({@code <!} other than a comment or CDATA) is refused on the
 *     raw bytes, so external entities (XXE) and entity expansion (billion laughs) never meet a parser;</li>
 * <li>well-formedness: a StAX pass with DTDs and external entities switched off; the root must be a
 *     SOAP 1.1 {@code Envelope}.</li>
 * </ol>
 * Each refusal is a SOAP 1.1 fault with {@code faultcode} {@code S:Client}, a stable code (first
 * word of {@code faultstring} and the {@code code} of the {@code RequestRefused} detail, shaped like
 * {@code BatchRejected}'s) and no parser text. HTTP status 500, as SOAP 1.1 (WS-I Basic Profile
 * R1126) requires for any fault and as Metro clients expect. The WSDL ({@code GET ?wsdl}) stays
 * public, so a client can be generated from it.
 */
@WebFilter(urlPatterns = "/soap/RedListPush")
public class SoapIntakeGuard extends HttpFilter {

    static final String API_KEY_PROPERTY = "xinyixing.credit-platform.api-key";
    static final String MAX_BYTES_PROPERTY = "xinyixing.credit-platform.max-soap-message-bytes";

    /** How much of a refused body is read off the wire and dropped, as a multiple of the cap. */
    private static final long DISCARD_FACTOR = 4;
    private static final Logger LOG = Logger.getLogger(SoapIntakeGuard.class.getName());
    private static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final Pattern DECLARED_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    @Inject
    Config config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SoapRefusal> refusal = authenticate(request);
        byte[] body = null;
        if (refusal.isEmpty()) {
            long cap = maxBytes();
            long declared = request.getContentLengthLong();
            if (declared > cap) {
                refusal = Optional.of(SoapRefusal.MESSAGE_TOO_LARGE);
            } else {
                body = readAtMost(request.getInputStream(), cap);
                refusal = body == null ? Optional.of(SoapRefusal.MESSAGE_TOO_LARGE) : inspect(request.getContentType(), body);
            }
        }
        if (refusal.isPresent()) {
            SoapRefusal reason = refusal.get();
            LOG.info(() -> "SOAP intake request refused before parsing: " + reason);
            if (body == null) {
                // Unparsed and unkept, but read off the wire (up to a ceiling), so that the client,
                // still sending, gets to read the fault instead of a stalled connection
                discard(request.getInputStream(), DISCARD_FACTOR * maxBytes());
            }
            fault(response, reason);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private Optional<SoapRefusal> authenticate(HttpServletRequest request) {
        Optional<String> expected = config.getOptionalValue(API_KEY_PROPERTY, String.class).filter(key -> !key.isBlank());
        if (expected.isEmpty()) {
            return Optional.of(SoapRefusal.API_KEY_NOT_CONFIGURED);
        }
        String presented = request.getHeader("X-Api-Key");
        if (presented == null || !MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(SoapRefusal.API_KEY_INVALID);
        }
        return Optional.empty();
    }

    /** The configured cap, or room for the largest batch accepted at 1 KiB an entry plus 64 KiB. */
    long maxBytes() {
        return config.getOptionalValue(MAX_BYTES_PROPERTY, Long.class).orElseGet(() ->
                config.getOptionalValue("xinyixing.credit-platform.max-batch-entries", Long.class).orElse(20000L) * 1024 + 65536);
    }

    /** Reads and drops what is left of a refused body, at most {@code limit} bytes. */
    private static void discard(InputStream in, long limit) {
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            int read;
            while (total < limit && (read = in.read(buffer)) != -1) {
                total += read;
            }
        } catch (IOException e) {
            // The client went away; nothing to answer
        }
    }

    /** The whole body, or null if it is longer than the cap (then it is not read further). */
    static byte[] readAtMost(InputStream in, long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > cap) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** Encoding, declarations and well-formedness of a body within the cap. */
    static Optional<SoapRefusal> inspect(String contentType, byte[] body) {
        if (!utf8(contentType, body)) {
            return Optional.of(SoapRefusal.ENCODING_UNSUPPORTED);
        }
        if (hasMarkupDeclaration(body)) {
            return Optional.of(SoapRefusal.DOCTYPE_REFUSED);
        }
        return wellFormedEnvelope(body) ? Optional.empty() : Optional.of(SoapRefusal.MALFORMED_MESSAGE);
    }

    private static boolean utf8(String contentType, byte[] body) {
        if (contentType != null) {
            Matcher charset = CHARSET.matcher(contentType);
            if (charset.find() && !isUtf8(charset.group(1))) {
                return false;
            }
        }
        if (body.length >= 2 && (body[0] == 0 || body[1] == 0 || (body[0] & 0xFF) == 0xFE || (body[0] & 0xFF) == 0xFF)) {
            return false; // UTF-16/32 by BOM or by a zero byte around the first '<'
        }
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        String head = new String(body, start, Math.min(body.length - start, 256), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(head);
        return !declared.find() || isUtf8(declared.group(1));
    }

    private static boolean isUtf8(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("utf-8") || n.equals("utf8") || n.equals("us-ascii");
    }

    /**
     * Whether the bytes hold {@code <!} other than {@code <!--} or {@code <![CDATA[}: a DOCTYPE,
     * ENTITY, ELEMENT or ATTLIST declaration. In UTF-8 these bytes cannot be part of another character.
     */
    static boolean hasMarkupDeclaration(byte[] body) {
        for (int i = 0; i + 1 < body.length; i++) {
            if (body[i] == '<' && body[i + 1] == '!') {
                // Comments and CDATA sections are text: skip to their end, whatever they contain
                if (startsWith(body, i + 2, "--")) {
                    i = skipPast(body, i + 4, "-->");
                } else if (startsWith(body, i + 2, "[CDATA[")) {
                    i = skipPast(body, i + 9, "]]>");
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /** The index of the last byte of the first {@code end} at or after {@code from}, or the end of the body. */
    private static int skipPast(byte[] body, int from, String end) {
        for (int i = from; i < body.length; i++) {
            if (startsWith(body, i, end)) {
                return i + end.length() - 1;
            }
        }
        return body.length;
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        if (at + text.length() > body.length) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (body[at + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean wellFormedEnvelope(byte[] body) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(body), "UTF-8");
            boolean rootSeen = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && !rootSeen) {
                    rootSeen = true;
                    if (!"Envelope".equals(reader.getLocalName()) || !SOAP_11.equals(reader.getNamespaceURI())) {
                        return false;
                    }
                } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    return false;
                }
            }
            return rootSeen;
        } catch (XMLStreamException | RuntimeException e) {
            return false;
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    static String faultEnvelope(SoapRefusal refusal) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<S:Envelope xmlns:S=\"" + SOAP_11 + "\"><S:Body><S:Fault>"
                + "<faultcode>" + (refusal.clientFault() ? "S:Client" : "S:Server") + "</faultcode>"
                + "<faultstring>" + refusal.name() + ": " + refusal.message() + "</faultstring>"
                + "<detail><rl:RequestRefused xmlns:rl=\"" + BatchRejectedFault.NAMESPACE + "\">"
                + "<reason><entryIndex>-1</entryIndex><code>" + refusal.name() + "</code><message>" + refusal.message()
                + "</message></reason></rl:RequestRefused></detail>"
                + "</S:Fault></S:Body></S:Envelope>";
    }

    private static void fault(HttpServletResponse response, SoapRefusal refusal) throws IOException {
        byte[] xml = faultEnvelope(refusal).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/xml;charset=utf-8");
        response.setContentLength(xml.length);
        // The rest of a refused body is not read: the connection is not reused
        response.setHeader("Connection", "close");
        response.getOutputStream().write(xml);
    }

    /** The request with its body already read and checked, handed to Metro as if unread. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
