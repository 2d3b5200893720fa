package cn.gov.shanwei.xinyixing.platform.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import org.eclipse.microprofile.config.Config;

/**
 * Bounds every request body and turns a body that cannot be read into a coded 400.
 *
 * <p>Before the resource is called, a declared {@code Content-Length} above the endpoint's limit is
 * refused at once, without reading a byte. A chunked body (no length) or a lying length is counted
 * while it is read and refused as soon as it passes the limit, so no endpoint ever buffers more than
 * it accepts. A body the JSON binding cannot read (not JSON, an array for an object, a word for a
 * number, nothing at all) is a {@link RequestProblem#MALFORMED_REQUEST} rather than the framework's
 * processing error, which would otherwise surface as a 500.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter, ReaderInterceptor {

    /** For an endpoint that declares nothing: more than any JSON request of this system needs. */
    public static final long DEFAULT_BYTES = 16 * 1024;

    @Context
    ResourceInfo resource;

    @Inject
    Config config;

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw new RequestRefused(RequestProblem.MALFORMED_REQUEST, "Content-Length");
        }
        long limit = limit();
        if (declared > limit) {
            throw tooLarge(limit);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = limit();
        context.setInputStream(new CountingStream(context.getInputStream(), limit));
        try {
            return context.proceed();
        } catch (NoContentException e) {
            throw new RequestRefused(RequestProblem.MALFORMED_REQUEST, "empty body");
        } catch (IOException | RuntimeException e) {
            if (causedBy(e, TooLarge.class)) {
                throw tooLarge(limit);
            }
            if (e instanceof ProcessingException || causedBy(e, JsonbException.class) || causedBy(e, JsonException.class)) {
                // The binding's message can quote the body; only its kind is passed on
                throw new RequestRefused(RequestProblem.MALFORMED_REQUEST, "not a JSON document of the expected shape");
            }
            throw e;
        }
    }

    private long limit() {
        return limitOf(resource, config);
    }

    /** The body limit of the endpoint: what its {@link MaxBodySize} says, or {@link #DEFAULT_BYTES}. */
    public static long limitOf(ResourceInfo resource, Config config) {
        Method method = resource == null ? null : resource.getResourceMethod();
        MaxBodySize size = method == null ? null : method.getAnnotation(MaxBodySize.class);
        if (size == null && resource != null && resource.getResourceClass() != null) {
            size = resource.getResourceClass().getAnnotation(MaxBodySize.class);
        }
        if (size == null) {
            return DEFAULT_BYTES;
        }
        if (size.perEntry() <= 0 || size.entriesProperty().isEmpty()) {
            return size.value();
        }
        long entries = config.getOptionalValue(size.entriesProperty(), Long.class).orElse(size.entriesDefault());
        return size.value() + size.perEntry() * entries;
    }

    private static RequestRefused tooLarge(long limit) {
        return new RequestRefused(RequestProblem.BODY_TOO_LARGE, "at most " + limit + " bytes");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Signals, through whatever the reader wraps it in, that the body passed its limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body too large");
        }
    }

    /** Counts what the reader takes and stops it at the limit. */
    static final class CountingStream extends FilterInputStream {
        private final long limit;
        private long count;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            // A reset would let a reader go past the limit unseen
            return false;
        }

        private void counted(long n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge();
            }
        }
    }
}
