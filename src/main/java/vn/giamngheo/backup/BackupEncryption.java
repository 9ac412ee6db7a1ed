package vn.giamngheo.backup;

import java.io.DataInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted backup file (ADR 0008), streamed in chunks so that backups of any size use little memory:
 * <pre>
 * header   "GNBKENC1" (8 bytes) | PBKDF2 iterations (4, big-endian) | salt (16) | nonce prefix (8)
 * chunk*   ciphertext length n (4, big-endian, 16 ≤ n ≤ 1 MiB + 16) | AES-256-GCM ciphertext with its 16-byte tag
 * </pre>
 * The key is PBKDF2-HMAC-SHA256 of the passphrase (at least {@value #MIN_ITERATIONS} iterations, random salt). Chunk i
 * (from 0) holds up to 1 MiB of the backup, encrypted with the nonce prefix ‖ i (4 bytes) and the associated data
 * header ‖ i (8 bytes) ‖ last (1 byte: 1 for the last chunk, which may be empty). So a changed byte anywhere, a changed
 * header, chunks swapped, removed, added, or the file cut after any chunk all fail authentication.
 */
public final class BackupEncryption {

    static final byte[] MAGIC = "GNBKENC1".getBytes(StandardCharsets.US_ASCII);
    public static final int MIN_ITERATIONS = 600_000;
    static final int MAX_ITERATIONS = 10_000_000;
    static final int CHUNK = 1 << 20;
    private static final int TAG_BYTES = 16;
    private static final int SALT_BYTES = 16;
    private static final int PREFIX_BYTES = 8;
    static final int HEADER_BYTES = MAGIC.length + 4 + SALT_BYTES + PREFIX_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BackupEncryption() {
    }

    /** Thrown when a file cannot be decrypted: wrong passphrase, changed, cut short, or not an encrypted backup. */
    public static final class DecryptionException extends IOException {
        DecryptionException(String message) {
            super(message);
        }

        DecryptionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether the stream starts like an encrypted backup (reads {@code MAGIC.length} bytes). */
    public static boolean looksEncrypted(InputStream in) throws IOException {
        return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }

    /** An output stream that encrypts everything written to it into {@code out}; closing it writes the last chunk. */
    public static OutputStream encrypting(OutputStream out, char[] passphrase) throws IOException {
        return encrypting(out, passphrase, MIN_ITERATIONS);
    }

    static OutputStream encrypting(OutputStream out, char[] passphrase, int iterations) throws IOException {
        byte[] salt = random(SALT_BYTES);
        byte[] prefix = random(PREFIX_BYTES);
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(iterations).put(salt).put(prefix).array();
        out.write(header);
        return new EncryptingStream(out, key(passphrase, salt, iterations), header, prefix);
    }

    /**
     * Decrypts {@code in} into {@code out}, authenticating every chunk and the end of the file. On a
     * {@link DecryptionException} the bytes already written to {@code out} must be thrown away.
     */
    public static void decrypt(InputStream in, OutputStream out, char[] passphrase) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = data.readNBytes(HEADER_BYTES);
        if (header.length < HEADER_BYTES || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            throw new DecryptionException("not an encrypted giamngheo backup (no GNBKENC1 header)");
        }
        ByteBuffer h = ByteBuffer.wrap(header, MAGIC.length, HEADER_BYTES - MAGIC.length);
        int iterations = h.getInt();
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new DecryptionException("the key derivation of this file (" + iterations + " iterations) is outside "
                    + MIN_ITERATIONS + "–" + MAX_ITERATIONS);
        }
        byte[] salt = new byte[SALT_BYTES];
        byte[] prefix = new byte[PREFIX_BYTES];
        h.get(salt).get(prefix);
        SecretKey key = key(passphrase, salt, iterations);
        long index = 0;
        int length = readLength(data);
        if (length < 0) {
            throw new DecryptionException("the file ends after its header");
        }
        while (true) {
            byte[] ciphertext = data.readNBytes(length);
            if (ciphertext.length < length) {
                throw new DecryptionException("the file is cut short in chunk " + index);
            }
            int next = readLength(data);
            boolean last = next < 0;
            try {
                out.write(cipher(Cipher.DECRYPT_MODE, key, header, prefix, index, last).doFinal(ciphertext));
            } catch (AEADBadTagException e) {
                throw new DecryptionException(index == 0
                        ? "wrong passphrase, or the file was changed" : "the file was changed, cut short or reordered at chunk " + index, e);
            } catch (GeneralSecurityException e) {
                throw new DecryptionException("cannot decrypt chunk " + index + ": " + e.getMessage(), e);
            }
            if (last) {
                return;
            }
            index++;
            length = next;
        }
    }

    /** The next chunk's length, or -1 at the end of the file. */
    private static int readLength(DataInputStream data) throws IOException {
        byte[] four = data.readNBytes(4);
        if (four.length == 0) {
            return -1;
        }
        if (four.length < 4) {
            throw new DecryptionException("the file is cut short inside a chunk length");
        }
        int length = ByteBuffer.wrap(four).getInt();
        if (length < TAG_BYTES || length > CHUNK + TAG_BYTES) {
            throw new DecryptionException("the file was changed: a chunk of " + length + " bytes");
        }
        return length;
    }

    private static SecretKey key(char[] passphrase, byte[] salt, int iterations) throws IOException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IOException("PBKDF2-HMAC-SHA256 is not available: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] header, byte[] prefix, long index, boolean last)
            throws GeneralSecurityException {
        if (index > 0xFFFF_FFFFL) {
            throw new GeneralSecurityException("too many chunks");
        }
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt((int) index).array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(ByteBuffer.allocate(header.length + 9).put(header).putLong(index).put((byte) (last ? 1 : 0)).array());
        return cipher;
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Holds back one chunk, so the last one is known (and flagged) only at close. */
    private static final class EncryptingStream extends FilterOutputStream {
        private final SecretKey key;
        private final byte[] header;
        private final byte[] prefix;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private long index;
        private boolean closed;

        EncryptingStream(OutputStream out, SecretKey key, byte[] header, byte[] prefix) {
            super(out);
            this.key = key;
            this.header = header;
            this.prefix = prefix;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == CHUNK) {
                    emit(false);
                }
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void emit(boolean last) throws IOException {
            byte[] ciphertext;
            try {
                ciphertext = cipher(Cipher.ENCRYPT_MODE, key, header, prefix, index, last).doFinal(buffer, 0, filled);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot encrypt chunk " + index + ": " + e.getMessage(), e);
            }
            out.write(ByteBuffer.allocate(4).putInt(ciphertext.length).array());
            out.write(ciphertext);
            index++;
            filled = 0;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                emit(true);
                out.flush();
            } finally {
                Arrays.fill(buffer, (byte) 0);
                out.close();
            }
        }
    }
}
