package vn.giamngheo.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encrypted file format on its own (no database): round trips of every size around a chunk, and what it refuses. */
class BackupEncryptionTest {

    private static final char[] PASS = "ruong bac thang mua lua".toCharArray();
    private static final int CHUNK = BackupEncryption.CHUNK;

    private static byte[] data(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] encrypt(byte[] plain, char[] passphrase) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = BackupEncryption.encrypting(out, passphrase)) {
            // written in uneven pieces, as a ZIP stream writes
            for (int off = 0; off < plain.length; ) {
                int n = Math.min(plain.length - off, 7_919);
                encrypting.write(plain, off, n);
                off += n;
            }
        }
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] file, char[] passphrase) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackupEncryption.decrypt(new ByteArrayInputStream(file), out, passphrase);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + CHUNK / 2})
    void roundTrip(int size) throws IOException {
        byte[] plain = data(size);
        byte[] file = encrypt(plain, PASS);
        assertThat(Arrays.copyOf(file, 8)).isEqualTo(BackupEncryption.MAGIC);
        assertThat(ByteBuffer.wrap(file, 8, 4).getInt()).isGreaterThanOrEqualTo(600_000);
        int chunks = Math.max(1, (size + CHUNK - 1) / CHUNK); // a full last chunk is not followed by an empty one
        assertThat(file.length).isEqualTo(BackupEncryption.HEADER_BYTES + size + chunks * (4 + 16));
        assertThat(decrypt(file, PASS)).isEqualTo(plain);
    }

    @Test
    void twoFilesOfTheSameDataDifferEverywhere() throws IOException {
        byte[] plain = data(5000);
        byte[] a = encrypt(plain, PASS);
        byte[] b = encrypt(plain, PASS);
        assertThat(Arrays.copyOfRange(a, 12, a.length)).isNotEqualTo(Arrays.copyOfRange(b, 12, b.length));
    }

    @Test
    void aWrongPassphraseIsRefused() throws IOException {
        byte[] file = encrypt(data(3000), PASS);
        assertThatThrownBy(() -> decrypt(file, "ruong bac thang mua lua!".toCharArray()))
                .isInstanceOf(BackupEncryption.DecryptionException.class).hasMessageContaining("wrong passphrase");
    }

    @Test
    void aFlippedByteAnywhereIsRefused() throws IOException {
        byte[] file = encrypt(data(CHUNK + 5000), PASS);
        int[] positions = {3, 9, 14, 30, 38, 45, BackupEncryption.HEADER_BYTES + 4 + CHUNK / 2,
                BackupEncryption.HEADER_BYTES + 4 + CHUNK + 10, file.length - 20, file.length - 1};
        for (int position : positions) {
            byte[] changed = file.clone();
            changed[position] ^= 0x01;
            assertThatThrownBy(() -> decrypt(changed, PASS)).as("byte %d", position).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aFileCutAtAChunkBoundaryOrInsideOneIsRefused() throws IOException {
        byte[] file = encrypt(data(2 * CHUNK + 100), PASS);
        int firstChunkEnd = BackupEncryption.HEADER_BYTES + 4 + CHUNK + 16;
        int secondChunkEnd = firstChunkEnd + 4 + CHUNK + 16;
        for (int length : new int[] {firstChunkEnd, secondChunkEnd, file.length - 1, BackupEncryption.HEADER_BYTES, 10}) {
            byte[] cut = Arrays.copyOf(file, length);
            assertThatThrownBy(() -> decrypt(cut, PASS)).as("cut at %d", length).isInstanceOf(IOException.class);
        }
    }

    @Test
    void swappedChunksAndAddedBytesAreRefused() throws IOException {
        byte[] file = encrypt(data(2 * CHUNK + 100), PASS);
        int h = BackupEncryption.HEADER_BYTES;
        int whole = 4 + CHUNK + 16;
        byte[] swapped = file.clone();
        System.arraycopy(file, h, swapped, h + whole, whole);
        System.arraycopy(file, h + whole, swapped, h, whole);
        assertThatThrownBy(() -> decrypt(swapped, PASS)).isInstanceOf(IOException.class);

        byte[] longer = Arrays.copyOf(file, file.length + 20);
        assertThatThrownBy(() -> decrypt(longer, PASS)).isInstanceOf(IOException.class);
    }

    @Test
    void fewerIterationsThanTheMinimumAreRefused() throws IOException {
        byte[] file = encrypt(data(100), PASS);
        ByteBuffer.wrap(file, 8, 4).putInt(1000);
        assertThatThrownBy(() -> decrypt(file, PASS)).hasMessageContaining("iterations");
    }

    @Test
    void aPlainZipIsNoEncryptedBackup() {
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> decrypt(zip, PASS)).hasMessageContaining("not an encrypted giamngheo backup");
    }
}
