package cn.gov.shanwei.xinyixing.platform.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The counting stream is what bounds a chunked body: it must stop at the limit, not after it. */
class BodySizeLimitTest {

    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[1000];
        try (InputStream in = new BodySizeLimit.CountingStream(new ByteArrayInputStream(body), 1000)) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }

    @Test
    void oneByteMoreIsRefusedWhileReading() {
        InputStream in = new BodySizeLimit.CountingStream(new ByteArrayInputStream(new byte[1001]), 1000);
        assertThrows(BodySizeLimit.TooLarge.class, in::readAllBytes);
    }

    @Test
    void singleByteReadsAndSkipsCountToo() throws IOException {
        InputStream in = new BodySizeLimit.CountingStream(new ByteArrayInputStream(new byte[20]), 10);
        in.skip(10);
        assertThrows(BodySizeLimit.TooLarge.class, in::read);
    }

    @Test
    void aReaderCannotRewindPastTheCount() {
        assertFalse(new BodySizeLimit.CountingStream(new ByteArrayInputStream(new byte[1]), 1).markSupported());
    }
}
